/** An on-screen keypad for amounts: large targets for touch, mirrored by the keyboard. */
export function NumericKeypad(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  const press = (key: string): void => {
    if (key === '⌫') props.onChange(props.value.slice(0, -1));
    else if (key === 'C') props.onChange('');
    else if (key === ',' && props.value.includes(',')) return;
    else props.onChange(props.value + key);
  };
  return (
    <div className="keypad" role="group" aria-label="keypad">
      {['7', '8', '9', '4', '5', '6', '1', '2', '3', ',', '0', '⌫', 'C'].map((key) => (
        <button key={key} type="button" tabIndex={-1} onClick={() => press(key)}>
          {key}
        </button>
      ))}
    </div>
  );
}
