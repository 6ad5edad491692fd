// The comparison statuses' icons: drawn, so they show without an emoji font.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../utils/comparison';
import { StatusIcon } from './status-icon';

function icon(status: (typeof STATUSES)[number]['id']) {
  const { container } = render(<StatusIcon status={status} />);
  return container.querySelector('.status-icon') as HTMLElement;
}

describe('StatusIcon', () => {
  it.each(STATUSES.map((status) => [status.id, status] as const))(
    'draws %s as an SVG named on hover, with the seed’s emoji kept in the text',
    (id, status) => {
      const element = icon(id);
      expect(element.querySelector('svg')).not.toBeNull();
      expect(element).toHaveAttribute('title', status.label);
      expect(element).toHaveAttribute('data-status', id);
      expect(element).toHaveTextContent(status.icon);
      // The words next to it say it: read out once, not twice.
      expect(element).toHaveAttribute('aria-hidden', 'true');
    },
  );

  it('keeps the seed’s colours: a circle of its own colour per status', () => {
    const fills = ['identical', 'different', 'missing_on_remote', 'conflict', 'merged'].map((id) =>
      icon(id as 'identical')
        .querySelector('circle')
        ?.getAttribute('fill'),
    );
    expect(fills).toEqual(['#3aa757', '#f6c026', '#2f7fd8', '#d93025', '#8e5cc8']);
    expect(new Set(fills).size).toBe(fills.length);
    // ⚪: white, with a ring to show on a white page.
    const white = icon('missing_on_local').querySelector('circle');
    expect(white).toHaveAttribute('fill', '#ffffff');
    expect(white?.getAttribute('stroke')).not.toBe('#ffffff');
  });

  it('draws both deletions as the CLI’s ✖, a cross in the text’s colour', () => {
    for (const id of ['deleted_on_remote', 'deleted_on_local'] as const) {
      const element = icon(id);
      expect(element.querySelector('circle')).toBeNull();
      expect(element.querySelector('path')).toHaveAttribute('stroke', 'currentColor');
      expect(element).toHaveTextContent('✖');
    }
  });
});
