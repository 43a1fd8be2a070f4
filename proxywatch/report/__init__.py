"""The analyst's report: one self-contained HTML file (inline CSS and SVG, no network needed)."""

from proxywatch.report.build import build_report, render_report

__all__ = ["build_report", "render_report"]
