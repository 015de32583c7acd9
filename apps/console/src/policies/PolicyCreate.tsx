import Typography from '@mui/material/Typography';
import {
  ArrayInput,
  Create,
  DateInput,
  maxLength,
  minValue,
  maxValue,
  NumberInput,
  ReferenceInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { DIVISION_LABELS, DIVISIONS } from '../calendar/calendar.types';

const DIVISION_CHOICES = DIVISIONS.map((id) => ({ id, name: DIVISION_LABELS[id] }));
const DAYS = [minValue(0), maxValue(365)];

const Heading = ({ children }: { readonly children: string }) => (
  <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
    {children}
  </Typography>
);

const StageFigures = ({ stage }: { readonly stage: 'stage1' | 'stage2' }) => (
  <>
    <NumberInput
      source={`${stage}.acknowledgeDays`}
      label="Acknowledge within (working days)"
      validate={DAYS}
    />
    <NumberInput
      source={`${stage}.respondDays`}
      label="Respond within (working days)"
      validate={DAYS}
    />
    <NumberInput
      source={`${stage}.maxExtensionDays`}
      label="Extend by at most (working days)"
      validate={DAYS}
    />
  </>
);

/**
 * A policy made from a preset (createPolicy): the figures left empty stay the preset's. The API
 * answers where the new policy departs from the Code, shown on its page once created.
 */
export const PolicyCreate = () => (
  <Create title="Create a policy from a preset" redirect="show">
    <SimpleForm>
      <ReferenceInput
        source="basedOn"
        reference="policies"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={200}
      >
        <SelectInput
          label="Start from"
          optionText="name"
          validate={required()}
          helperText="A preset, or one of your policies; its figures are the starting point"
        />
      </ReferenceInput>
      <TextInput source="name" label="Name" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput
        source="id"
        label="Identifier"
        helperText='Lower-case words joined by hyphens, e.g. "riverside-2026"; made from the name if left empty'
        validate={[
          maxLength(100),
          regex(
            /^[a-z0-9]+(-[a-z0-9]+)*$/,
            'Use lower-case letters and digits joined by hyphens, e.g. riverside-2026',
          ),
        ]}
      />
      <TextInput
        source="description"
        label="Description"
        multiline
        fullWidth
        validate={maxLength(5000)}
      />
      <SelectInput
        source="division"
        label="Bank holidays of"
        choices={DIVISION_CHOICES}
        emptyText="As the preset"
      />
      <Heading>Stage 1 (left empty: as the preset)</Heading>
      <StageFigures stage="stage1" />
      <Heading>Stage 2 (left empty: as the preset)</Heading>
      <StageFigures stage="stage2" />
      <NumberInput
        source="warningDays"
        label="Due soon this many working days before a due date"
        validate={DAYS}
      />
      <ArrayInput source="closures" label="Closure days (replace the preset's)">
        <SimpleFormIterator inline disableReordering>
          <DateInput source="date" label="Date" validate={required()} />
          <TextInput
            source="title"
            label="Why"
            helperText="e.g. Christmas closure"
            validate={[required(), maxLength(200)]}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  </Create>
);

export default PolicyCreate;
