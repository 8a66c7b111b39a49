import { useId, useState, type InputHTMLAttributes } from 'react';
import type { Formats } from '../../shared/locale/formats';
import { readCount, readMoney, type Read } from '../../shared/locale/read-input';
import { useFormats } from '../locale/formats';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

interface FieldProps<T> extends InputProps {
  value: T;
  /** The value as typed, once it reads; text that does not read keeps the last good value. */
  onValue: (value: T) => void;
  /** Told whenever the text starts or stops reading, so a form can hold back until it is corrected. */
  onProblem?: (problem: string | null) => void;
  testId?: string;
  problemTestId?: string;
}

/** A field that keeps what is typed, reads it in the workstation's locale, and says right under it what cannot be read. */
function NumberField<T>({ value, onValue, onProblem, testId, problemTestId, show, read, ...input }: FieldProps<T> & { show: (v: T, f: Formats) => string; read: (text: string, f: Formats) => Read<T> }) {
  const f = useFormats();
  const problemId = useId();
  // Null while the field shows the value itself; the text as typed once the person types.
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? show(value, f);
  const current = read(shown, f);
  const problem = current.ok ? null : current.problem;
  return (
    <>
      <input
        {...input}
        value={shown}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        onChange={(e) => {
          const next = read(e.target.value, f);
          setText(e.target.value);
          onProblem?.(next.ok ? null : next.problem);
          if (next.ok) onValue(next.value);
        }}
        onBlur={(e) => {
          // A good value is shown again as the locale writes it; a bad one stays as typed, to be corrected.
          if (current.ok) setText(null);
          input.onBlur?.(e);
        }}
        data-testid={testId}
      />
      {problem && (
        <span className="warning field-problem" id={problemId} data-testid={problemTestId}>
          {problem}
        </span>
      )}
    </>
  );
}

/** A whole number from `min` to `max` (a quantity, minutes). */
export function CountField(props: FieldProps<number> & { min: number; max: number; what?: string }) {
  const { min, max, what, ...rest } = props;
  return <NumberField<number> inputMode="numeric" {...rest} show={(v, f) => f.number(v)} read={(t, f) => readCount(t, f, { min, max, what })} />;
}

/** An amount of money in cents; `optional` lets it be empty (null). */
export function MoneyField(props: FieldProps<number | null> & { what?: string; optional?: boolean }) {
  const { what, optional, ...rest } = props;
  return (
    <NumberField<number | null>
      inputMode="decimal"
      {...rest}
      show={(v, f) => (v === null ? '' : f.amount(v))}
      read={(t, f) => (optional && t.trim() === '' ? { ok: true, value: null } : readMoney(t, f, { what }))}
    />
  );
}
