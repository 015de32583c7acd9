import { DataTable, List } from 'react-admin';

const ComplaintList = () => (
  <List>
    <DataTable rowClick="show">
      <DataTable.Col source="reference" />
    </DataTable>
  </List>
);

export default ComplaintList;
