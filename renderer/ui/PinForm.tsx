import { useState } from 'react';

/** A PIN field with a submit button; the PIN is cleared after every try. */
export function PinForm(props: {
  readonly label: string;
  readonly submitLabel: string;
  readonly onSubmit: (pin: string) => Promise<void>;
}) {
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="pin-form"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        void props.onSubmit(pin).finally(() => {
          setPin('');
          setBusy(false);
        });
      }}
    >
      <label>
        {props.label}
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          autoFocus
          maxLength={8}
          value={pin}
          data-testid="pin"
          onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
        />
      </label>
      <button type="submit" className="big-button primary" disabled={busy || pin.length < 4}>
        {props.submitLabel}
      </button>
    </form>
  );
}
