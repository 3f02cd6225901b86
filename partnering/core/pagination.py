"""A page of a list and the list's length from one query, for lists whose filter is the costly part."""

from django.core.paginator import Paginator
from django.db.models import Count, Window

MOST_PAGES = 10**9  # beyond this an offset overflows the database's integers; no list here is that long


class OneQueryPaginator(Paginator):
    """Counts with the page itself (COUNT(*) OVER ()), so a costly filter, such as a name search among the people a
    viewer may see, runs once rather than twice (Django's Paginator counts in a query of its own)."""

    def get_page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        bottom = (number - 1) * self.per_page
        rows = [] if not 1 <= number <= MOST_PAGES else list(self.object_list.annotate(rows_matching=Window(Count("pk")))[bottom:bottom + self.per_page])
        if not rows:  # nothing matches, or no such page: Django's own way (it counts, and shows the last page)
            return super().get_page(number)
        self.__dict__["count"] = rows[0].rows_matching  # Paginator.count is a cached property
        return self._get_page(rows, number, self)
