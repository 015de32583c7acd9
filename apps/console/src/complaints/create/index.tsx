import { ComplaintCreate } from './ComplaintCreate';

export { ComplaintCreate };
export default ComplaintCreate;
