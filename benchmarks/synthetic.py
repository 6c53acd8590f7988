"""A synthetic corpus N times the embedded one, for benchmarks.

Each synthetic document is an embedded document recombined: its paragraphs shuffled within
their sections, sentences swapped in from the same kind of document, the council renamed
(from the gazetteer of English authorities) and the dates kept, so extraction meets the same
kinds of text, headings and tables at N times the volume. Deterministic for a given N.

usage: python benchmarks/synthetic.py N OUT_DIR
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _councils() -> list[str]:
    from cskg.loaders.gazetteer import load_local_authorities

    names = [
        la.name for la in load_local_authorities() if " " not in la.name and la.name != "Medway"
    ]
    return sorted(names)


def _sections(text: str) -> list[list[str]]:
    """Paragraph groups between headings (a heading is a short line standing alone)."""
    groups: list[list[str]] = [[]]
    for para in re.split(r"\n\s*\n", text):
        line = para.strip()
        if line and len(line) < 90 and "\n" not in line and not line.endswith("."):
            groups.append([para])
        else:
            groups[-1].append(para)
    return groups


def recombine(text: str, donor: str, rng: random.Random) -> str:
    """Shuffle paragraphs within each section and swap a few sentences in from ``donor``."""
    donor_sentences = re.findall(r"[A-Z][^.\n]{30,300}\.", donor)
    out = []
    for group in _sections(text):
        head, body = group[:1], group[1:]
        rng.shuffle(body)
        for i, para in enumerate(body):
            if donor_sentences and rng.random() < 0.2:
                body[i] = para + " " + rng.choice(donor_sentences)
        out.extend(head + body)
    return "\n\n".join(out) + "\n"


def generate(n: int, out: Path) -> Path:
    """Write ``n`` copies' worth of recombined documents and their manifest into ``out``."""
    manifest = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8"))
    docs = manifest["documents"]
    texts = {d["file"]: (CORPUS / d["file"]).read_text(encoding="utf-8") for d in docs}
    councils = _councils()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    new_docs = []
    assessments = {}
    for copy in range(n):
        council = councils[copy % len(councils)]
        rng = random.Random(copy)
        suffix = f"{copy:04d}"
        for key, a in manifest["assessments"].items():
            assessments[f"{key}-{suffix}"] = {**a, "council": council}
        for d in docs:
            donor = texts[rng.choice(docs)["file"]]
            text = recombine(texts[d["file"]], donor, rng).replace("Medway", council)
            name = f"{suffix}-{d['file']}"
            (out / name).write_text(text, encoding="utf-8")
            new_docs.append(
                {
                    **d,
                    "id": f"{d['id']}-{suffix}",
                    "file": name,
                    "council": council,
                    "title": d["title"].replace("Medway", council),
                    "publisher": d["publisher"].replace("Medway", council),
                    "assessments": [f"{k}-{suffix}" for k in d.get("assessments", [])],
                }
            )
    data = {"assessments": assessments, "documents": new_docs}
    (out / "manifest.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))
