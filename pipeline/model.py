"""The record model: the single contract between the stages and the writer.

The extractor builds these objects, the writer serialises them, ``validate``
checks files against the JSON Schema generated from them
(``pipeline/schema/record.schema.json``, kept in step by a test). Field names
and order follow ``spec/records.md``; fields may be added, never renamed.
Unknown keys are rejected.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

RECORD_VERSION = 1

IsoDate = Annotated[str, Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
"""ISO 8601 at the precision the text gives: 2019-02-13, 2015-02 or 2019."""

MeetingKind = Literal[
    "committee_meeting", "technical_table", "review", "workshop",
    "round_table", "awareness_activity", "conference", "other",
]
InstitutionRole = Literal["participant", "organizer", "funder", "mentioned"]
MatchMethod = Literal["exact", "alias", "abbreviation", "fuzzy", "unmatched"]
Format = Literal["txt", "html", "docx", "pdf"]
COUNTIES = (
    "Berat", "Dibër", "Durrës", "Elbasan", "Fier", "Gjirokastër",
    "Korçë", "Kukës", "Lezhë", "Shkodër", "Tiranë", "Vlorë",
)
County = Literal[COUNTIES]  # type: ignore[valid-type]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Mention(_Strict):
    """A span of the extracted text: ``text == extracted_text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Source(_Strict):
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: Format
    title: str | None
    published: IsoDate | None
    language: Literal["sq"] = "sq"
    reader: str = Field(description="the extractor that produced the text, e.g. 'pdf:pypdfium2'")
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$",
                             description="sha256 of the extracted text that the offsets point into")
    duplicate_of: str | None = Field(None, description="path of an earlier input with the same text")


class Period(_Strict):
    start: IsoDate | None
    end: IsoDate | None
    text: str | None


class Body(_Strict):
    id: str | None
    name: str


class Chair(_Strict):
    name: str
    role: str | None
    institution: str | None


class Match(_Strict):
    method: MatchMethod
    score: float = Field(ge=0, le=100)
    review: bool = Field(False, description="true when a fuzzy match is below the clear-match score")


class InstitutionRef(_Strict):
    id: str | None
    name: str
    role: InstitutionRole
    match: Match
    mentions: list[Mention]


class Person(_Strict):
    name: str
    honorific: str | None
    role: str | None
    institution: str | None
    mentions: list[Mention]


class Issue(_Strict):
    text: str
    raised_by: str | None
    topics: list[str]
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Commitment(_Strict):
    text: str
    actor: str | None
    due: IsoDate | None
    due_text: str | None
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    due_end: IsoDate | None = Field(default=None, description="the end of a deadline given as a span")


class Absentee(_Strict):
    """Listed as absent in minutes ("Munguan: …"): a person, an institution, or both."""

    name: str | None
    institution: str | None = Field(description="gazetteer id or null")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Meeting(_Strict):
    id: str
    title: str | None
    kind: MeetingKind
    date: IsoDate | None
    date_end: IsoDate | None
    date_text: str | None
    period: Period | None
    county: County | None  # type: ignore[valid-type]
    body: Body | None
    location: str | None
    chair: Chair | None
    institutions: list[InstitutionRef]
    persons: list[Person]
    issues: list[Issue]
    commitments: list[Commitment]
    agenda: list[str] = Field(default_factory=list, description="the items of a minutes' agenda (Rendi i ditës)")
    time: str | None = Field(default=None, pattern=r"^\d{2}:\d{2}$", description="the hour it began, HH:MM")
    absent: list[Absentee] = Field(default_factory=list,
                                   description="persons and institutions that minutes list as absent")


class Record(_Strict):
    """One YAML file per source document."""

    record_version: Literal[1] = RECORD_VERSION
    source: Source
    meetings: list[Meeting]
    warnings: list[str]
    unmatched: list[Mention]


def record_json_schema() -> dict:
    """The JSON Schema of a record, generated from the model."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/krat-pipeline/krat-pipeline/record.schema.json"
    return schema
