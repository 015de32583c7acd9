import AccessTimeOutlined from '@mui/icons-material/AccessTimeOutlined';
import { Card, CardContent } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  FilterList,
  FilterListItem,
  NullableBooleanInput,
  ReferenceInput,
  SavedQueriesList,
  SearchInput,
  SelectInput,
  TextInput,
  useGetIdentity,
} from 'react-admin';
import { endOfWeek } from '../../data-provider/complaints.resource';
import { todayInLondon } from '../../shared/format';
import { STAGE_CHOICES, STATUS_CHOICES } from './complaint-choices';

/** The filters above the list; react-admin keeps each in the URL, so a filtered list can be shared. */
export const complaintFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Reference, summary or name" />,
  <SelectInput key="status" source="status" label="Status" choices={STATUS_CHOICES} />,
  <SelectInput key="stage" source="stage" label="Stage" choices={STAGE_CHOICES} />,
  <TextInput key="category" source="category" label="Category" />,
  <ReferenceInput key="assigneeId" source="assigneeId" reference="users" label="Assignee">
    <AutocompleteInput label="Assignee" optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput
    key="overdue"
    source="overdue"
    label="Overdue"
    trueLabel="Overdue"
    falseLabel="Not overdue"
  />,
  <DateInput key="dueBefore" source="dueBefore" label="Next deadline by" />,
];

/** Quick filters beside the list: mine, overdue, due this week. */
export const ComplaintQuickFilters = () => {
  const { identity } = useGetIdentity();
  const weekEnds = endOfWeek(todayInLondon());
  return (
    <Card
      sx={{
        order: -1,
        mr: 2,
        mt: 8,
        width: 200,
        flexShrink: 0,
        // Beside the list only where the list still fits beside it; narrower, every quick
        // filter is also in the filter bar (Assignee is "Mine" with one's own name).
        display: { xs: 'none', xl: 'block' },
      }}
    >
      <CardContent>
        <SavedQueriesList />
        <FilterList label="Quick filters" icon={<AccessTimeOutlined />}>
          {identity && <FilterListItem label="Mine" value={{ assigneeId: String(identity.id) }} />}
          <FilterListItem label="Overdue" value={{ overdue: true }} />
          <FilterListItem label="Due this week" value={{ dueBefore: weekEnds }} />
        </FilterList>
      </CardContent>
    </Card>
  );
};
