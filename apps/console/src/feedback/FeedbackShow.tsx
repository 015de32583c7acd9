import {
  FunctionField,
  Labeled,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  type RaRecord,
} from 'react-admin';
import { formatDateTime } from '../shared/format';
import { CHANNEL_CHOICES, FEEDBACK_KIND_CHOICES, labelOf } from './feedback.choices';

export const FeedbackShow = () => (
  <Show title="Feedback">
    <SimpleShowLayout>
      <FunctionField
        label="Kind"
        render={(record: RaRecord) => labelOf(FEEDBACK_KIND_CHOICES, record.kind)}
      />
      <FunctionField
        label="Received"
        render={(record: RaRecord) => formatDateTime(record.receivedAt)}
      />
      <FunctionField
        label="Recorded"
        render={(record: RaRecord) => formatDateTime(record.recordedAt)}
      />
      <FunctionField
        label="Channel"
        render={(record: RaRecord) => labelOf(CHANNEL_CHOICES, record.channel)}
      />
      <TextField source="from" label="From" emptyText="Not given" />
      <TextField source="category" label="Category" />
      <TextField source="summary" label="Summary" emptyText="(no summary)" />
      <FunctionField
        label="Became a complaint"
        render={(record: RaRecord) =>
          record.convertedToComplaintId ? (
            <Labeled label={`On ${formatDateTime(record.convertedAt)}`}>
              <ReferenceField source="convertedToComplaintId" reference="complaints" link="show" />
            </Labeled>
          ) : (
            'No'
          )
        }
      />
    </SimpleShowLayout>
  </Show>
);

export default FeedbackShow;
