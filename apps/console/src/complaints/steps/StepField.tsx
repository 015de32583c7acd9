import { useId } from 'react';
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  TextField,
} from '@mui/material';
import type { Choice, FieldSpec, FormValue, StepComplaint } from './step-form.types';

/** One field of a short form, labelled, its error under it. */
export interface StepFieldProps {
  readonly field: FieldSpec;
  /** The case, for choices read from it. */
  readonly complaint?: StepComplaint;
  /** Choices given by the caller (read from the API), instead of the field's own. */
  readonly choices?: readonly Choice[];
  readonly value: FormValue | undefined;
  readonly error: string | undefined;
  readonly onChange: (value: FormValue) => void;
}

export function StepField({
  field,
  complaint,
  choices: given,
  value,
  error,
  onChange,
}: StepFieldProps) {
  const helperId = useId();
  if (field.kind === 'checkbox') {
    return (
      <FormControl error={error !== undefined} required={field.required}>
        <FormControlLabel
          control={
            <Checkbox
              name={field.name}
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
              slotProps={{ input: { 'aria-describedby': error ? helperId : undefined } }}
            />
          }
          label={field.label}
        />
        {error && <FormHelperText id={helperId}>{error}</FormHelperText>}
      </FormControl>
    );
  }
  const choices =
    given ??
    (typeof field.choices === 'function'
      ? complaint
        ? field.choices(complaint)
        : []
      : (field.choices ?? []));
  const common = {
    name: field.name,
    label: field.label,
    required: field.required,
    value: typeof value === 'string' ? value : '',
    error: error !== undefined,
    helperText: error ?? field.helperText,
    fullWidth: true,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  if (field.kind === 'select') {
    return (
      <TextField {...common} select>
        {!field.required && (
          <MenuItem value="">
            <em>None</em>
          </MenuItem>
        )}
        {choices.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {choice.name}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      {...common}
      multiline={field.kind === 'multiline'}
      minRows={field.kind === 'multiline' ? 2 : undefined}
      type={field.kind === 'date' ? 'date' : 'text'}
      slotProps={{
        inputLabel: field.kind === 'date' ? { shrink: true } : undefined,
        htmlInput:
          field.kind === 'number'
            ? { inputMode: 'numeric', pattern: '[0-9]*' }
            : field.kind === 'money'
              ? { inputMode: 'decimal' }
              : undefined,
      }}
    />
  );
}
