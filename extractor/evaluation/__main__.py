"""``python -m extractor.evaluation [GOLD] [--markdown] ...`` — same options as ``newsclaims eval``."""
import typer

from .cli import eval_command

if __name__ == "__main__":
    typer.run(eval_command)
