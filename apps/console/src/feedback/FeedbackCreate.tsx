import {
  Create,
  DateTimeInput,
  maxLength,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { CHANNEL_CHOICES, FEEDBACK_KIND_CHOICES } from './feedback.choices';

/** Logs a compliment, a suggestion or a service request (recordFeedback). */
export const FeedbackCreate = () => (
  <Create title="Log feedback" redirect="show">
    <SimpleForm
      defaultValues={() => ({ kind: 'COMPLIMENT', receivedAt: new Date().toISOString() })}
    >
      <SelectInput
        source="kind"
        label="Kind"
        choices={FEEDBACK_KIND_CHOICES}
        validate={required()}
      />
      <DateTimeInput
        source="receivedAt"
        label="Received"
        helperText="When it reached us, in UK time"
        validate={required()}
      />
      <SelectInput
        source="channel"
        label="Channel"
        choices={CHANNEL_CHOICES}
        validate={required()}
      />
      <TextInput
        source="from"
        label="From"
        helperText="The resident or person it came from, if they gave a name"
        validate={maxLength(200)}
      />
      <TextInput
        source="category"
        label="Category"
        helperText="The service it is about, e.g. repairs"
        validate={[required(), maxLength(100)]}
      />
      <TextInput
        source="summary"
        label="Summary"
        multiline
        minRows={3}
        validate={[required(), maxLength(10_000)]}
        fullWidth
      />
    </SimpleForm>
  </Create>
);

export default FeedbackCreate;
