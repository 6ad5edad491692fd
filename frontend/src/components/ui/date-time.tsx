import { formatDateTime } from '@/utils/format';

/** An instant for people, with the exact one in the markup (and as a tooltip). */
export function DateTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso}>
      {formatDateTime(iso)}
    </time>
  );
}
