import { useEffect, useRef, type InputHTMLAttributes } from 'react';

type TriStateCheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked'> & {
  /** true, false, or "some" for the mixed state of a select-all box. */
  checked: boolean | 'some';
};

/** A checkbox that can also show "some of these", which HTML only sets from script. */
export function TriStateCheckbox({ checked, ...input }: TriStateCheckboxProps) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = checked === 'some';
  }, [checked]);
  return <input ref={box} type="checkbox" checked={checked === true} {...input} />;
}
