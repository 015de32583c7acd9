import { ComplaintShow } from './ComplaintShow';

export { ComplaintShow };
export default ComplaintShow;
