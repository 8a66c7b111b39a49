import { useState } from 'react';
import type { SecretStatus } from '../../../shared/connections';
import type { VendorId } from '../../../shared/vendors';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useClearSecret, useSetSecret } from './queries';

/** A credential: shows only whether it is set (and the last four characters of a long one); the value goes straight to the keychain as typed. */
export function SecretField({ vendor, secret }: { vendor: VendorId; secret: SecretStatus }) {
  const [value, setValue] = useState('');
  const save = useSetSecret();
  const clear = useClearSecret();
  const testId = `secret-${vendor}-${secret.id}`;
  return (
    <form
      className="secret-field"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: vendor, field: secret.id, value }, { onSuccess: () => setValue('') });
      }}
    >
      <label>
        {secret.label}{' '}
        <span className="secret-state" data-testid={`${testId}-state`}>
          {secret.isSet === null ? `unknown: ${secret.problem ?? 'the keychain did not answer'}` : secret.isSet ? (secret.lastFour ? `set (…${secret.lastFour})` : 'set') : 'not set'}
        </span>
        <input
          type="password"
          autoComplete="off"
          value={value}
          placeholder={secret.isSet ? 'Enter a new value to replace it' : 'Paste the credential'}
          onChange={(e) => setValue(e.target.value)}
          data-testid={`${testId}-input`}
        />
      </label>
      <button type="submit" disabled={!value.trim() || save.isPending} data-testid={`${testId}-save`}>
        Save to keychain
      </button>
      {secret.isSet && (
        <button type="button" className="secondary" onClick={() => clear.mutate({ id: vendor, field: secret.id })}>
          Remove
        </button>
      )}
      <ErrorMessage error={save.error ?? clear.error} testId={`${testId}-error`} />
    </form>
  );
}
