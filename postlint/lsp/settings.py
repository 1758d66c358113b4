"""What the editor asks for, and one linter per configuration file, rebuilt when a config changes.

Configuration is found as the CLI finds it (the nearest `.postlint.yaml`,
`postlint.yaml` or `pyproject.toml` with `[tool.postlint]` at or above the
posting's folder), so an editor reports what `postlint check` would. The client's
settings add to it as the CLI options do. Link checking stays off unless asked:
an editor should not reach the network on every keystroke.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postlint.api import Linter


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """The settings an editor may send (initializationOptions or workspace/didChangeConfiguration)."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    check_links: bool = False

    @classmethod
    def parse(cls, raw: Any) -> ClientSettings:
        """Read `{"postlint": {...}}` or the inner mapping itself; anything malformed is left out."""
        if isinstance(raw, Mapping) and isinstance(raw.get("postlint"), Mapping):
            raw = raw["postlint"]
        if not isinstance(raw, Mapping):
            return cls()

        def strings(key: str) -> tuple[str, ...]:
            value = raw.get(key) or ()
            if isinstance(value, str):
                value = value.split(",")
            if not isinstance(value, (list, tuple)):
                return ()
            return tuple(str(v).strip() for v in value if str(v).strip())

        return cls(
            select=strings("select"),
            ignore=strings("ignore"),
            jurisdictions=strings("jurisdictions"),
            check_links=raw.get("checkLinks") is True,
        )


CONFIG_FILES = (".postlint.yaml", "postlint.yaml", "pyproject.toml")


@dataclass
class ConfigLinters:
    """One `postlint.api.Linter` per configuration file (None: the defaults), built on first use."""

    settings: ClientSettings = field(default_factory=ClientSettings)
    _linters: dict[Path | None, Linter] = field(default_factory=dict)

    def config_for(self, posting: Path) -> Path | None:
        """The configuration file the CLI would use for a posting in this folder."""
        from postlint.config import find_config

        try:
            return find_config(posting.parent)
        except OSError:
            return None

    def linter_for(self, posting: Path) -> Linter:
        """The linter for a posting; raises `postlint.PostlintError` for a bad config or pack."""
        config = self.config_for(posting)
        linter = self._linters.get(config)
        if linter is None:
            from postlint.api import Linter

            linter = Linter.from_config(
                config,
                select=self.settings.select,
                ignore=self.settings.ignore,
                jurisdictions=self.settings.jurisdictions,
            )
            self._linters[config] = linter
        return linter

    def reset(self, settings: ClientSettings | None = None) -> None:
        """Forget every linter (a config, a pack or the client's settings changed)."""
        if settings is not None:
            self.settings = settings
        self._linters.clear()
