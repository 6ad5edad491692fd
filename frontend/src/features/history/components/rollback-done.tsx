import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { RollbackResult } from '../api/types';
import { rollbackSentence } from '../utils/format-history';

export function RollbackDone({ result }: { result: RollbackResult }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="rollback-section rollback-done" aria-labelledby="rollback-done-heading">
      <h2 id="rollback-done-heading" ref={heading} tabIndex={-1} className="section-heading">
        Rolled back
      </h2>
      <p className="status" role="status">
        {rollbackSentence(result)}
      </p>
      {result.history_id && (
        <p>
          <Link to={`/history/${result.history_id}`}>Open the rollback’s entry</Link> (it can be
          rolled back in turn).
        </p>
      )}
    </section>
  );
}
