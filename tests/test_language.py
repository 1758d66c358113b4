"""The language fact, the `languages`/`outside`/`min_words` conditions, and the German and French title packs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import lint

from postlint.facts.language import detect_language, guess_language
from postlint.reader import build_document, format_for, parse

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
CDS = CORPUS / "cds-canada"

# About as many English as French function words: no single language.
BILINGUAL = (
    "We are looking for an analyst who will join our team and help us build the reports that our stores use. "
    "Nous recherchons une personne qui rejoindra notre équipe. Vous êtes curieux et vous aimez les données "
    "et les rapports."
)
SAMPLES = {
    "en": "We are looking for an analyst who will join our team and help us build the reports that our stores use.",
    "fr": "Nous recherchons une personne qui rejoindra notre équipe et qui nous aidera à produire les rapports.",
    "de": "Wir suchen eine Person, die unser Team verstärkt und mit uns die Berichte für unsere Filialen baut.",
    "es": "Buscamos una persona para nuestro equipo con experiencia en los informes para las tiendas y sus clientes.",
    "nl": "Wij zoeken een collega voor ons team die met ons de rapporten voor de winkels wil maken.",
    "zh": "我们正在寻找一位数据分析师加入我们的团队，负责门店的每周报表和数据质量。",
    "ja": "私たちはデータ解析を活用して、航空会社の運航最適化をサポートするプロダクトを開発しています。",
    "ko": "합류하게 될 팀에 대해 알려드려요. 프로세스와 관리 체계를 직접 설계하고 운영할 수 있는 기회입니다.",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detects_each_language(language: str) -> None:
    assert detect_language(SAMPLES[language]) == language


@pytest.mark.parametrize(
    "text",
    [
        "Python, SQL, dbt.",
        "",
        "12345 67890",
        BILINGUAL,
    ],
    ids=["too-short", "empty", "no-words", "bilingual"],
)
def test_unsure_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_accents_and_apostrophes_count_as_words() -> None:
    text = "L’équipe est à Montréal. Vous êtes curieux et vous aimez les données. Nous sommes là pour vous aider."
    assert detect_language(text) == "fr"


def test_front_matter_declares_the_language() -> None:
    doc = parse("---\nlang: de-AT\n---\nWe are hiring in Vienna and you will build our tools.\n", "markdown")
    assert (guess_language(doc).language, guess_language(doc).source) == ("de", "front-matter")


def test_code_and_urls_do_not_vote() -> None:
    code = "```\n" + "the and of to for with you we our will " * 20 + "\n```\n"
    doc = parse(code + SAMPLES["fr"] + "\n", "markdown")
    assert guess_language(doc).language == "fr"


@pytest.mark.skipif(not CDS.is_dir(), reason="the shared corpus is not next to the project")
def test_french_postings_of_the_corpus_are_french() -> None:
    manifest = {entry["file"]: entry["lang"] for entry in json.loads((CDS / "_manifest.json").read_text())}
    detected = {}
    for name, lang in manifest.items():
        path = CDS / name
        doc = build_document(path.read_bytes(), str(path), format_for(str(path)))
        detected[name] = (lang, guess_language(doc).language)
    french = [name for name, (lang, _) in detected.items() if lang == "fr"]
    assert len(french) == 162
    wrong = sorted(name for name in french if detected[name][1] != "fr")
    # 0200.md sits in the French folder but is an untranslated English placeholder ("FR Technical Recruiter").
    assert wrong == ["0200.md"]
    assert detected["0200.md"][1] == "en"
    assert all(got == "en" for lang, got in detected.values() if lang == "en")


# ---------------------------------------------------------------- conditions


def _flag(when: dict) -> dict:
    return {"id": "t/flag", "kind": "forbid", "terms": ["rockstar"], "when": when}


def test_languages_condition(make_linter) -> None:
    linter = make_linter([_flag({"languages": ["fr"]})])
    french = "# Poste\n\nNous recherchons une personne pour notre équipe et vous serez notre rockstar des données.\n"
    english = "# Job\n\nWe are looking for a person for our team and you will be our data rockstar.\n"
    assert [(v.rule, v.line, v.column) for v in linter.lint_text(french)] == [("t/flag", 3, 69)]
    assert linter.lint_text(english) == []


def test_outside_condition(make_linter) -> None:
    linter = make_linter([_flag({"outside": ["US-CO"]})])
    assert linter.lint_text("# Job\n\nLocation: Denver, CO\n\nA rockstar.\n") == []
    assert len(linter.lint_text("# Job\n\nLocation: Austin, TX\n\nA rockstar.\n")) == 1


def test_min_words_condition(make_linter) -> None:
    linter = make_linter([_flag({"min_words": 10})])
    assert linter.lint_text("A rockstar.\n") == []
    assert len(linter.lint_text("We want a rockstar who likes numbers, people, reports and coffee.\n")) == 1


def test_languages_must_be_codes(make_linter) -> None:
    from postlint.errors import PackError

    with pytest.raises(PackError, match="languages"):
        make_linter([_flag({"languages": ["French"]})])


# ---------------------------------------------------------------- de / fr title packs

DE_BODY = "Wir suchen dich für unser Team in Zürich. Du bist neugierig und arbeitest gern mit uns.\n"
FR_BODY = "Nous recherchons une personne pour rejoindre notre équipe et vous allez construire nos outils.\n"


@pytest.mark.parametrize(
    "title",
    ["Entwickler (m/w/d)", "Entwickler (w/m/d)", "Entwickler (gn)", "Entwickler:in", "Entwickler*in", "EntwicklerIn",
     "Entwicklerin oder Entwickler", "Teamleitung Vertrieb", "Fachkraft Lager", "Data Engineer (all genders)"],
)  # fmt: skip
def test_german_inclusive_titles_pass(title: str) -> None:
    assert lint(f"# {title}\n\n{DE_BODY}", select="de") == []


@pytest.mark.parametrize(
    "title",
    ["Développeur (H/F)", "Développeur (F/H)", "Développeur·euse", "Adjoint(e) de direction", "Adjoint (e)",
     "Développeur ou développeuse", "Concepteur / Conceptrice", "principal.e", "Analyste de données",
     "Chef de cabinet", "Responsable du talent"],
)  # fmt: skip
def test_french_inclusive_or_epicene_titles_pass(title: str) -> None:
    assert lint(f"# {title}\n\n{FR_BODY}", select="fr") == []


def test_german_title_is_reported_with_a_fix() -> None:
    (v,) = lint(f"# Softwareentwickler\n\n{DE_BODY}", select="de")
    assert (v.rule, v.line, v.column, v.end_column) == ("de/gender-neutral-title", 1, 3, 21)
    assert v.fix is not None and v.fix.applicability == "unsafe"
    assert v.fix.edits[0].replacement == " (m/w/d)"


def test_french_front_matter_title_is_reported_at_its_line() -> None:
    (v,) = lint(f"---\ntitle: Conseiller principal en politiques\n---\n{FR_BODY}", select="fr")
    assert (v.rule, v.line, v.column) == ("fr/inclusive-title", 2, 1)
    assert v.fix is None  # the title is not in the text as written: only a suggestion
    assert "(H/F)" in (v.suggestion or "")


def test_no_title_is_left_to_quality_title() -> None:
    assert lint(FR_BODY, select="fr") == []
    assert lint(DE_BODY, select="de") == []


def test_german_law_is_left_to_the_eu_pack() -> None:
    text = "# Softwareentwickler\n\nStandort: Berlin, Deutschland. " + DE_BODY
    assert lint(text, select="de") == []
    assert [v.rule for v in lint(text, select="eu")] == ["eu/gender-neutral-title"]


def test_english_posting_is_not_checked() -> None:
    assert lint("# Entwickler\n\nWe are hiring in Zurich and you will build our tools.\n", select=["de", "fr"]) == []


FINNISH = (
    "Haemme nyt Analytics Engineeria vahvistamaan Finavian data- ja analytiikkakyvykkyyttä. Tehtävässä vastaat "
    "liiketoiminnan kannalta kriittisen analytiikka- ja raportointidatan mallintamisesta ja jalostamisesta. "
    "Tehtäviisi kuuluvat strategisen ja operatiivisen päätöksenteon tukeminen tuottamalla yhteismitallista, "
    "luotettavaa ja liiketoimintalähtöistä tietoa ja mittareita eri toimintoihin. "
)


def test_a_few_english_words_in_a_long_posting_in_another_language_are_not_english() -> None:
    """Five English function words ('the', 'and', 'with'...) in some 300 words of Finnish tell nothing."""
    text = "Analytics Engineer\n\nWork with the data team and the analysts on our platform.\n\n" + FINNISH * 10
    assert detect_language(text) is None
    assert detect_language("We are hiring an analytics engineer. " + FINNISH) is None
    english = "You will work with the data team and build the models that our analysts use every day. "
    assert detect_language(english * 3 + FINNISH) == "en"  # English prose with a Finnish paragraph: English


def test_readability_is_not_asked_of_a_posting_in_finnish() -> None:
    text = "# Analytics Engineer\n\nWork with the data team and the analysts on the platform.\n\n" + FINNISH * 10
    assert lint(text, select="quality/readability") == []
