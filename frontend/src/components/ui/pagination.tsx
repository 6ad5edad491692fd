interface PaginationProps {
  /** Zero-based, as the API counts. */
  page: number;
  size: number;
  total: number;
  onPageChange: (page: number) => void;
}

export function Pagination({ page, size, total, onPageChange }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return (
    <nav className="pagination" aria-label="Pages">
      <button
        type="button"
        className="button"
        disabled={page <= 0}
        onClick={() => onPageChange(page - 1)}
      >
        Previous
      </button>
      <span aria-live="polite">
        {first}–{last} of {total} · page {Math.min(page + 1, pages)} of {pages}
      </span>
      <button
        type="button"
        className="button"
        disabled={page + 1 >= pages}
        onClick={() => onPageChange(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
