import { Title } from 'react-admin';

const Dashboard = () => (
  <>
    <Title title="My work" />
    <h1>My work</h1>
  </>
);

export default Dashboard;
