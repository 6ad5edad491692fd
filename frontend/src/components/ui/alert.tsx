import type { ReactNode, Ref } from 'react';

interface AlertProps {
  title: string;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

/** An error the user must notice; announced at once by screen readers. */
export function Alert({ title, children, ref }: AlertProps) {
  return (
    <div ref={ref} className="alert" role="alert" tabIndex={-1}>
      <p className="alert-title">{title}</p>
      {children}
    </div>
  );
}
