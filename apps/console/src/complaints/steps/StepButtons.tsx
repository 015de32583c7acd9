import { useState } from 'react';
import { Button, Stack } from '@mui/material';
import { stepLabel, domainNameOf } from './choices';
import { STEP_FORMS } from './step-forms';
import type { StepComplaint, StepDefinition } from './step-form.types';
import { StepDialog, type GraphQLRequest } from './StepDialog';

export interface StepButtonsProps {
  readonly complaint: StepComplaint;
  readonly request: GraphQLRequest;
  /** Reads the case again: after a step, and after a CONFLICT. */
  readonly reload: () => void;
  /** Tells the page a step was recorded, or the case was reloaded. */
  readonly notify?: (message: string) => void;
}

/**
 * One button per step the case allows now, as the API answers `allowedSteps` (the domain's
 * rule): a step it does not allow, or one without a form here, is not offered.
 */
export function StepButtons({ complaint, request, reload, notify }: StepButtonsProps) {
  const [open, setOpen] = useState<StepDefinition | null>(null);
  const offered = complaint.allowedSteps
    .map((step) => STEP_FORMS.get(domainNameOf(step) as StepDefinition['step']))
    .filter((d): d is StepDefinition => d !== undefined);
  if (offered.length === 0) return null;
  return (
    <>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap' }}
        role="toolbar"
        aria-label="Steps this case allows now"
      >
        {offered.map((definition) => (
          <Button key={definition.step} variant="outlined" onClick={() => setOpen(definition)}>
            {stepLabel(definition.step)}
          </Button>
        ))}
      </Stack>
      {open && (
        <StepDialog
          definition={open}
          complaint={complaint}
          request={request}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            notify?.(`${stepLabel(open.step)}: recorded.`);
            reload();
          }}
          onStale={reload}
        />
      )}
    </>
  );
}
