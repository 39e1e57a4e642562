"""Benchmark of the archive run on a synthetic archive (figures printed, never asserted).

    python bench/run.py [--n 10000] [--workdir /tmp/krat-bench] [--keep]

1. Generates N documents by varying the project's samples (persons, dates,
   counties, NGOs, paragraph order), a quarter each as .txt, .html, .docx, .pdf.
2. Runs ``krat extract`` on each format at ``--jobs 1`` and ``--jobs 2`` and
   prints documents per second (pages per second for PDF) and peak memory.
3. Runs the whole archive once, then again unchanged, and prints the rerun time.
4. Prints the ratio of the pipeline's txt throughput to spaCy's blank Albanian
   tokenizer alone on the same texts, measured in the same run.
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from render_formats import paragraphs, to_docx, to_html, to_pdf

FORMATS = ("txt", "html", "docx", "pdf")
FIRST = ["Arben", "Blerina", "Dritan", "Elira", "Fatmir", "Gentiana", "Ilir", "Klodiana", "Luan", "Mimoza",
         "Ndriçim", "Ornela", "Petrit", "Rudina", "Sokol", "Teuta", "Valbona", "Xhevdet", "Zamira", "Besnik"]
LAST = ["Hoxha", "Kola", "Leka", "Marku", "Gjoka", "Shehu", "Dervishi", "Prifti", "Cela", "Bregu",
        "Lamaj", "Zeneli", "Kurti", "Musaj", "Tafaj", "Rama", "Gjini", "Dushku", "Pepa", "Vata"]
COUNTIES = ["Berat", "Dibër", "Durrës", "Elbasan", "Fier", "Gjirokastër", "Korçë", "Kukës", "Lezhë",
            "Shkodër", "Tiranë", "Vlorë"]
NGOS = ["World Vision", "Terre des hommes", "Caritas Shqiptar", "Tjetër Vizion", "Vatra", "ARSIS"]
HONORIFIC_NAME = re.compile(r"\b(z\.|Z\.|znj\.|Znj\.|zj\.)\s*[A-ZËÇ][a-zëç]+\s+[A-ZËÇ][A-Za-zëç]+")
NUMERIC_DATE = re.compile(r"\b\d{2}\.\d{2}\.(\d{4})\b")


def templates() -> list[str]:
    """The samples' texts (any encoding, any format), read by the project's readers."""
    from pipeline.read import read_document
    out = []
    for path in sorted((ROOT / "samples").iterdir()):
        if path.suffix.lower() in (".txt", ".html", ".docx", ".pdf"):
            out.append(read_document(path).text)
    return out


def vary(text: str, rng: random.Random) -> str:
    """Another release of the same shape: other persons, dates, county, NGO and paragraph order."""
    text = HONORIFIC_NAME.sub(lambda m: f"{m.group(1)} {rng.choice(FIRST)} {rng.choice(LAST)}", text)
    text = NUMERIC_DATE.sub(lambda m: f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2014, 2025)}",
                            text)
    source = next((c for c in COUNTIES if c in text), None)
    if source:
        text = text.replace(source, rng.choice(COUNTIES))
    for ngo in NGOS:
        if ngo in text:
            text = text.replace(ngo, rng.choice(NGOS))
    paras = paragraphs(text)
    body = paras[1:]
    if len(body) > 2 and rng.random() < 0.5:
        middle = body[1:-1]
        rng.shuffle(middle)
        body = [body[0], *middle, body[-1]]
    return "\n\n".join(paras[:1] + body)


def generate(n: int, workdir: Path, seed: int = 7) -> dict[str, int]:
    """Write the synthetic archive; returns the number of PDF pages."""
    import pypdfium2
    rng = random.Random(seed)
    bases = templates()
    for fmt in FORMATS:
        (workdir / "archive" / fmt).mkdir(parents=True, exist_ok=True)
    pages = 0
    txt_texts = []
    for i in range(n):
        fmt = FORMATS[i % 4]
        text = vary(bases[i % len(bases)], rng)
        target = workdir / "archive" / fmt / f"doc{i:05d}.{fmt}"
        if fmt == "txt":
            target.write_text(text, encoding="utf-8")
            txt_texts.append(text)
        elif fmt == "html":
            to_html(paragraphs(text), target)
        elif fmt == "docx":
            to_docx(paragraphs(text), target)
        else:
            to_pdf(paragraphs(text), target, unicode_font=False)  # core font: fast to generate
            pdf = pypdfium2.PdfDocument(str(target))
            pages += len(pdf)
            pdf.close()
    return {"pdf_pages": pages}


GNU_TIME = Path("/usr/bin/time")  # reports the peak resident memory of a run (and its workers)


def extract(inputs: list[Path], out: Path, jobs: int) -> tuple[float, float]:
    """Run ``krat extract`` in a child; returns (seconds, peak MB of its largest process).

    The peak comes from GNU time (``%M``) when the machine has it: the largest resident
    set of the run's parent and its workers. Without it, nan.
    """
    cmd = [sys.executable, "-m", "pipeline", "extract", *map(str, inputs), "--out", str(out),
           "--jobs", str(jobs), "--quiet"]
    peak_file = out.parent / f".{out.name}.peak"
    if GNU_TIME.exists():
        cmd = [str(GNU_TIME), "-f", "%M", "-o", str(peak_file), *cmd]
    started = time.perf_counter()
    subprocess.run(cmd, check=False)
    seconds = time.perf_counter() - started
    try:
        peak = int(peak_file.read_text().split()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        peak = float("nan")
    return seconds, peak


def tokenizer_rate(texts: list[str]) -> float:
    import spacy
    nlp = spacy.blank("sq")
    started = time.perf_counter()
    for text in texts:
        nlp.make_doc(text)
    return len(texts) / (time.perf_counter() - started)


def stage_costs(paths: list[Path]) -> dict[str, float]:
    """Milliseconds per document of each stage of one txt document, in this process.

    Shows where the time goes, and what the stages every record needs (read,
    normalise, tokenise, validate + YAML, atomic write with fsync) cost before any rule runs.
    """
    import hashlib
    import tempfile

    from pipeline.read import DEFAULT_LIMITS, read_bytes, read_file
    from pipeline.record import Extractor
    from pipeline.write import record_to_yaml, write_atomic

    ex = Extractor.create()
    totals: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as out:
        for path in paths:
            t0 = time.perf_counter()
            data = read_file(path, limits=DEFAULT_LIMITS, name=path.name)
            raw = read_bytes(data, suffix=path.suffix, name=path.name, limits=DEFAULT_LIMITS)
            t1 = time.perf_counter()
            norm = ex.normalized(raw)
            t2 = time.perf_counter()
            ex.nlp.make_doc(norm.text)
            t3 = time.perf_counter()
            record, _ = ex.extract(raw, path=path.name, sha256=hashlib.sha256(data).hexdigest())
            t4 = time.perf_counter()
            text = record_to_yaml(record)
            t5 = time.perf_counter()
            write_atomic(Path(out) / f"{path.stem}.yaml", text)
            t6 = time.perf_counter()
            for stage, seconds in (("read", t1 - t0), ("normalise", t2 - t1), ("tokenise", t3 - t2),
                                   ("rules (match + extract)", (t4 - t3) - (t3 - t1)),
                                   ("validate + YAML", t5 - t4), ("atomic write + fsync", t6 - t5)):
                totals[stage] = totals.get(stage, 0.0) + seconds
    return {stage: seconds / len(paths) * 1000 for stage, seconds in totals.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="documents in the synthetic archive")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/krat-bench"))
    ap.add_argument("--keep", action="store_true", help="keep the archive and outputs")
    ap.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    work = args.workdir
    if args.generate_only:
        meta = generate(args.n, work)
        (work / "pdf_pages").write_text(str(meta["pdf_pages"]))
        return
    shutil.rmtree(work, ignore_errors=True)
    started = time.perf_counter()
    # generate in a child process: a big benchmark process would make every forked child
    # look as big as itself in the peak-memory figures (fork copies its resident pages)
    subprocess.run([sys.executable, __file__, "--n", str(args.n), "--workdir", str(work), "--generate-only"],
                   check=True)
    meta = {"pdf_pages": int((work / "pdf_pages").read_text())}
    print(f"generated {args.n} documents ({meta['pdf_pages']} PDF pages) in {time.perf_counter() - started:.0f} s")

    counts = {fmt: len(list((work / "archive" / fmt).iterdir())) for fmt in FORMATS}
    rates: dict[tuple[str, int], float] = {}
    peaks = []
    print(f"{'format':<6} {'jobs':>4} {'docs':>6} {'seconds':>8} {'rate':>14} {'peak MB':>8}")
    for fmt in FORMATS:
        for jobs in (1, 2):
            seconds, peak = extract([work / "archive" / fmt], work / f"out-{fmt}-{jobs}", jobs)
            peaks.append(peak)
            unit = meta["pdf_pages"] if fmt == "pdf" else counts[fmt]
            rates[(fmt, jobs)] = unit / seconds
            label = "pages/s" if fmt == "pdf" else "docs/s"
            print(f"{fmt:<6} {jobs:>4} {counts[fmt]:>6} {seconds:>8.1f} {rates[(fmt, jobs)]:>7.1f} {label:<6} {peak:>8.0f}")

    seconds, peak = extract([work / "archive"], work / "out-all", 2)
    print(f"whole archive, --jobs 2: {args.n / seconds:.1f} docs/s, peak {peak:.0f} MB (largest process)")
    rerun, _ = extract([work / "archive"], work / "out-all", 2)
    print(f"unchanged rerun of {args.n} documents: {rerun:.2f} s")

    texts = [p.read_text(encoding="utf-8") for p in sorted((work / "archive" / "txt").iterdir())]
    tok = tokenizer_rate(texts)
    print(f"spaCy blank('sq') tokenizer alone on the txt texts: {tok:.0f} docs/s")
    print(f"pipeline / tokenizer txt throughput: {rates[('txt', 1)] / tok:.3f} at --jobs 1, "
          f"{rates[('txt', 2)] / tok:.3f} at --jobs 2")
    costs = stage_costs(sorted((work / "archive" / "txt").iterdir())[:500])
    print("one txt document, ms per stage (one process): "
          + ", ".join(f"{stage} {ms:.2f}" for stage, ms in costs.items()))
    floor = sum(ms for stage, ms in costs.items() if not stage.startswith("rules"))
    print(f"stages every record needs, before any rule: {floor:.2f} ms/doc; at 0.5 of the tokenizer "
          f"two workers have {2 * 2 * 1000 / tok:.2f} ms/doc each")
    print(f"pdf pages/s per core: {rates[('pdf', 1)]:.1f} (--jobs 1), {rates[('pdf', 2)] / 2:.1f} (--jobs 2)")
    print(f"peak memory (largest single process over all runs): {max(peaks + [peak]):.0f} MB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
