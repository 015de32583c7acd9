import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/page-info.type.js';
import { ComplaintType } from './complaint.type.js';

@ObjectType('ComplaintEdge', { simpleResolvers: true })
export class ComplaintEdgeType {
  @Field()
  cursor: string;

  @Field(() => ComplaintType)
  node: ComplaintType;
}

// Plain data, like Complaint (a test holds that no field of these has a role or middleware).
@ObjectType('ComplaintConnection', { description: 'A page of complaints.', simpleResolvers: true })
export class ComplaintConnectionType {
  @Field(() => [ComplaintType])
  nodes: ComplaintType[];

  @Field(() => [ComplaintEdgeType])
  edges: ComplaintEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'How many complaints match the filter, on every page.' })
  totalCount: number;
}
