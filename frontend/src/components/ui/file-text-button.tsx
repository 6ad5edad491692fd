import { useId } from 'react';

interface FileTextButtonProps {
  label: string;
  onLoad: (text: string) => void;
}

/** Reads a small text file chosen by the user (a key file) into a form. */
export function FileTextButton({ label, onLoad }: FileTextButtonProps) {
  const id = useId();
  return (
    <div className="file-text">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void file.text().then(onLoad);
          // Let the same file be picked again after an edit.
          event.target.value = '';
        }}
      />
    </div>
  );
}
