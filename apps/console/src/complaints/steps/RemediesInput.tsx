import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { REMEDY_KINDS } from './choices';
import type { RemedyRow } from './step-form.types';

export interface RemediesInputProps {
  readonly rows: readonly RemedyRow[];
  readonly onChange: (rows: readonly RemedyRow[]) => void;
  /** Field errors by form name; `remedies` for the list as a whole. */
  readonly errors: Readonly<Record<string, string>>;
}

/** The remedies a response offers: each a kind, a description, and for compensation an amount. */
export function RemediesInput({ rows, onChange, errors }: RemediesInputProps) {
  const update = (index: number, change: Partial<RemedyRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        Remedies offered
      </Typography>
      {errors.remedies && (
        <Typography color="error" variant="body2" role="alert">
          {errors.remedies}
        </Typography>
      )}
      <Stack spacing={2} sx={{ mt: 1 }}>
        {rows.map((row, index) => {
          const n = index + 1;
          return (
            <Stack key={index} direction={{ xs: 'column', sm: 'row' }} spacing={1}>
              <TextField
                select
                label={`Remedy ${n} kind`}
                value={row.kind}
                onChange={(e) => update(index, { kind: e.target.value })}
                sx={{ minWidth: 180 }}
              >
                {REMEDY_KINDS.map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {choice.name}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={`Remedy ${n} description`}
                value={row.description}
                onChange={(e) => update(index, { description: e.target.value })}
                fullWidth
              />
              <TextField
                label={`Remedy ${n} amount (£)`}
                value={row.amount}
                onChange={(e) => update(index, { amount: e.target.value })}
                error={errors[`remedies.${index}.amount`] !== undefined}
                helperText={errors[`remedies.${index}.amount`]}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                sx={{ minWidth: 140 }}
              />
              <Button
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
                aria-label={`Remove remedy ${n}`}
              >
                Remove
              </Button>
            </Stack>
          );
        })}
      </Stack>
      <Button
        sx={{ mt: 1 }}
        onClick={() => onChange([...rows, { kind: 'APOLOGY', description: '', amount: '' }])}
      >
        Add a remedy
      </Button>
    </Box>
  );
}
