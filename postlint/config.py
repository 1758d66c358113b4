"""Configuration: discovery, validation and the resolved settings a run uses.

Discovery follows the nearest-wins rule: the first of `.postlint.yaml`,
`postlint.yaml` or a `pyproject.toml` with a `[tool.postlint]` table found in
the current folder or its parents. No cascade: one file configures a run.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from postlint.errors import ConfigError

if TYPE_CHECKING:
    from postlint.employer_profile import EmployerProfile

CONFIG_NAMES = (".postlint.yaml", "postlint.yaml")
SEVERITIES = ("error", "warning", "info")
# A postings repository's own documents: linted as postings, they only give false findings.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    "README",
    "README.*",
    "CHANGELOG",
    "CHANGELOG.*",
    "CONTRIBUTING",
    "CONTRIBUTING.*",
    "LICENSE",
    "LICENSE.*",
    "CODE_OF_CONDUCT",
    "CODE_OF_CONDUCT.*",
    "docs/",
    ".github/",
)
FRONT_MATTER_DEFAULTS: dict[str, str] = {
    "location": "location",
    "title": "title",
    "salary_min": "salary_min",
    "salary_max": "salary_max",
    "salary_currency": "salary_currency",
    "salary_period": "salary_period",
    "apply_url": "apply_url",
}


@dataclass(frozen=True)
class LinksSettings:
    """How `--check-links` fetches: limits, safety, and how long results are kept (see postlint.links.checker)."""

    check: bool = False
    timeout: float = 10.0  # seconds per request, all of it
    url_timeout: float = 30.0  # seconds per link, all its redirects and retries included
    total_timeout: float = 300.0  # seconds for the whole run's link checking; links left are not checked
    concurrency: int = 16  # requests at once
    allow_private: bool | tuple[str, ...] = False  # or the addresses, CIDR networks and hosts to allow
    exclude: tuple[str, ...] = ()
    per_host: int = 4  # requests at once to one host
    max_redirects: int = 10
    retries: int = 2  # after a 429 or 503
    cache_ttl: float = 86400.0  # seconds a result is reused; 0 turns the cache off


class Where(TypedDict):
    """Where a config value was written, as `PostlintError` takes it."""

    path: str | None
    line: int | None
    column: int | None


@dataclass(frozen=True)
class Settings:
    """A validated configuration, with paths resolved against the config file's folder."""

    packs: tuple[str, ...] = ("builtin",)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    jurisdictions: tuple[str, ...] = ()
    front_matter: dict[str, str] = field(default_factory=lambda: dict(FRONT_MATTER_DEFAULTS))
    links: LinksSettings = LinksSettings()
    fail_on: str = "error"
    max_file_size: float = 10.0  # megabytes
    pack_timeout: float = 10.0  # seconds the rules of packs not shipped with postlint may take on one posting
    as_of: dt.date | None = None  # lint against the laws in force on this day (default: today)
    employer: EmployerProfile | None = None  # what the config says about the employer
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # files that are not postings (see postlint.discovery)
    base: Path = Path(".")
    source: str | None = None  # the config file, if any
    positions: dict[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict)  # YAML path -> line, col

    def where(self, *path: str | int) -> Where:
        """Keyword arguments for an error about the config value at `path`: file, line, column."""
        line, column = self.positions.get(tuple(path), (None, None))
        return {"path": self.source, "line": line, "column": column}


def _model() -> Any:
    """The pydantic model of the config file (built on first use, to keep start-up light).

    Its defaults are those of `Settings` and `LinksSettings`, which a run without a config
    file uses without importing pydantic: they are written there, once, and taken from there.
    """
    from typing import Literal

    from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

    defaults, links = Settings(), LinksSettings()
    fields: dict[str, Any] = {key: (str, name) for key, name in FRONT_MATTER_DEFAULTS.items()}
    FrontMatterModel = create_model(  # one field per key of FRONT_MATTER_DEFAULTS, with its default
        "FrontMatterModel",
        __config__=ConfigDict(extra="forbid"),
        **fields,
    )

    class LinksModel(BaseModel):
        model_config = ConfigDict(extra="forbid")
        # Bounds: a value from a config file must not make a run wait forever (`.inf`) or open
        # thousands of connections; NaN and infinity are refused everywhere.
        check: bool = links.check
        timeout: float = Field(links.timeout, gt=0, le=300, allow_inf_nan=False)
        url_timeout: float = Field(links.url_timeout, gt=0, le=3600, allow_inf_nan=False)
        total_timeout: float = Field(links.total_timeout, gt=0, le=86400, allow_inf_nan=False)
        concurrency: int = Field(links.concurrency, ge=1, le=256)
        allow_private: bool | list[str] = (
            links.allow_private if isinstance(links.allow_private, bool) else list(links.allow_private)
        )
        exclude: list[str] = list(links.exclude)
        per_host: int = Field(links.per_host, ge=1, le=64)
        max_redirects: int = Field(links.max_redirects, ge=0, le=50)
        cache_ttl: float = Field(
            links.cache_ttl,
            ge=0,
            le=365 * 86400,
            allow_inf_nan=False,
            description="Seconds a link's result is reused; 0: never.",
        )

        @field_validator("allow_private")
        @classmethod
        def _addresses(cls, value: bool | list[str]) -> bool | list[str]:
            from postlint.links.safety import parse_allowed

            for entry in [] if isinstance(value, bool) else value:
                parse_allowed(entry)
            return value

        @field_validator("exclude")
        @classmethod
        def _regexes(cls, value: list[str]) -> list[str]:
            import re

            for pattern in value:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
            return value

    Severity = Literal["error", "warning", "info"]

    class EmployerModel(BaseModel):
        model_config = ConfigDict(extra="forbid")
        employees: int | None = Field(None, ge=0, description="Employees in all; unknown: laws apply.")
        employees_in: dict[str, int] = Field({}, description="Jurisdiction id -> employees there.")
        federal_contractor: bool | None = None
        government: Literal["federal", "state", "local", "none"] | None = None

        @field_validator("employees_in")
        @classmethod
        def _areas(cls, value: dict[str, int]) -> dict[str, int]:
            import re

            for area, count in value.items():
                if not re.fullmatch(r"[A-Z]{2,3}(?:-[A-Z0-9]+)*", area):
                    raise ValueError(f"{area!r} is not a jurisdiction id like 'US-MN' or 'US-NY-NYC'")
                if count < 0:
                    raise ValueError(f"employees in {area} cannot be negative")
            return value

    class ConfigModel(BaseModel):
        model_config = ConfigDict(extra="forbid", populate_by_name=True)
        packs: list[str] = list(defaults.packs)
        select: list[str] = list(defaults.select)
        ignore: list[str] = list(defaults.ignore)
        severity: dict[str, Severity] = {}
        per_file_ignores: dict[str, list[str]] = Field({}, alias="per-file-ignores")
        jurisdictions: list[str] = list(defaults.jurisdictions)
        front_matter: FrontMatterModel = Field(FrontMatterModel(), alias="front-matter")
        links: LinksModel = LinksModel()
        fail_on: Severity = Field(defaults.fail_on, alias="fail-on")  # type: ignore[arg-type]  # Settings' str
        max_file_size: float = Field(
            defaults.max_file_size,
            alias="max-file-size",
            gt=0,
            le=1024,
            allow_inf_nan=False,
            description="Megabytes; larger files are reported, not linted.",
        )
        pack_timeout: float = Field(
            defaults.pack_timeout,
            alias="pack-timeout",
            gt=0,
            le=600,
            allow_inf_nan=False,
            description="Seconds the rules of packs not shipped with postlint may take on one posting.",
        )
        as_of: dt.date | None = Field(defaults.as_of, alias="as-of", description="Lint against the laws of this day.")
        employer: EmployerModel | None = None
        exclude: list[str] = Field(
            list(defaults.exclude), description="Globs of files that are not postings (replaces the defaults)."
        )
        extend_exclude: list[str] = Field([], alias="extend-exclude", description="Globs added to `exclude`.")

    return ConfigModel


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above `start`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _pyproject_table(pyproject) is not None:
            return pyproject
    return None


def _pyproject_table(path: Path) -> dict[str, Any] | None:
    return _read_pyproject(path)[0]


def _read_pyproject(path: Path) -> tuple[dict[str, Any] | None, str]:
    """The `[tool.postlint]` table (None if there is none) and the file's text."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        from postlint.safe_read import read_settings_text

        text = read_settings_text(path)
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        from postlint.toml_positions import decode_error_position

        line, column = decode_error_position(exc, text)
        message = re.sub(r" \(at (?:line \d+, column \d+|end of document)\)$", "", str(getattr(exc, "msg", "") or exc))
        raise ConfigError(f"invalid TOML: {message}", path=str(path), line=line, column=column) from None
    table = data.get("tool", {}).get("postlint")
    return (table if isinstance(table, dict) else None), text


def load_config(path: Path | None) -> Settings:
    """Read and validate a config file; None gives the defaults."""
    if path is None:
        return Settings()
    from postlint.packs.yamlpos import boolean_hint, describe, load_yaml, locate

    marks: dict[Any, tuple[int, int]] = {}
    if path.name == "pyproject.toml":
        data, text = _read_pyproject(path)
        if data is None:
            raise ConfigError("pyproject.toml has no [tool.postlint] table", path=str(path))
        prefix: tuple[str, ...] = ("tool", "postlint")
        from postlint.toml_positions import toml_positions

        # Positions keyed as in a YAML config (inside the table), so every later error finds its line.
        marks = {key[2:]: at for key, at in toml_positions(text).items() if key[:2] == prefix}
    else:
        try:
            from postlint.safe_read import read_settings_text

            source = read_settings_text(path)
        except FileNotFoundError:
            raise ConfigError("config file does not exist", path=str(path)) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config: {exc}", path=str(path)) from None
        data, marks = load_yaml(source, str(path), ConfigError)
        prefix = ()
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise ConfigError("the configuration must be a mapping of keys to values", path=str(path), line=1)
    from pydantic import ValidationError

    try:
        model = _model().model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(error["loc"])
        line, column = locate(marks, loc) if marks else (None, None)
        message = str(error["msg"]) + boolean_hint(error)
        if error["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
        where = describe((*prefix, *loc))
        raise ConfigError(f"{where}: {message}", path=str(path), line=line, column=column) from None
    for key, values in (("packs", model.packs), ("select", model.select), ("ignore", model.ignore)):
        for index, value in enumerate(values):
            for token in _split([value]):
                marks.setdefault((key, token), marks.get((key, index), marks.get((key,), (1, 1))))
    for glob, values in model.per_file_ignores.items():
        for index, value in enumerate(values):
            for token in _split([value]):
                at = marks.get(("per-file-ignores", glob, index), (1, 1))
                marks.setdefault(("per-file-ignores", glob, token), at)
    return Settings(
        packs=tuple(model.packs),
        select=tuple(_split(model.select)),
        ignore=tuple(_split(model.ignore)),
        severity=dict(model.severity),
        per_file_ignores={k: tuple(_split(v)) for k, v in model.per_file_ignores.items()},
        jurisdictions=tuple(model.jurisdictions),
        front_matter=model.front_matter.model_dump(),
        links=LinksSettings(
            **{
                **model.links.model_dump(),
                "exclude": tuple(model.links.exclude),
                "allow_private": model.links.allow_private
                if isinstance(model.links.allow_private, bool)
                else tuple(model.links.allow_private),
            }
        ),
        fail_on=model.fail_on,
        max_file_size=model.max_file_size,
        pack_timeout=model.pack_timeout,
        as_of=model.as_of,
        employer=_employer(model.employer),
        exclude=tuple(dict.fromkeys([*model.exclude, *model.extend_exclude])),
        base=path.parent.resolve(),
        source=str(path),
        positions=marks,
    )


def _employer(model: Any) -> EmployerProfile | None:
    if model is None:
        return None
    from postlint.employer_profile import parse_employer

    return parse_employer(model.model_dump())


def _split(values: list[str] | tuple[str, ...]) -> list[str]:
    """Accept both `[a, b]` and `["a,b"]`."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
