"""``python -m extractor.cli``: the ``newsclaims`` command."""
from .main import app

if __name__ == "__main__":
    app()
