"""DECIDE: updates and facts -> stories new to the article and to history, grouped by story."""

from newsdesk.articles import Article, ArticleSection, read_article
from newsdesk.desk import decide

__all__ = ["Article", "ArticleSection", "decide", "read_article"]
