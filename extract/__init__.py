"""Text -> Brief. Pure: no I/O beyond loading the spaCy pipeline."""
from extract.model import Brief, Entity, Insight, Section, Statement
from extract.pipeline import Extractor, ModelMissing, clean_text, load_pipeline

__all__ = ["Brief", "Entity", "Insight", "Section", "Statement", "Extractor", "ModelMissing",
           "clean_text", "load_pipeline"]
