import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfoType } from '../shared/page-info.type.js';
import { ComplaintType } from './complaint.type.js';

@ObjectType('ComplaintEdge')
export class ComplaintEdgeType {
  @Field()
  cursor: string;

  @Field(() => ComplaintType)
  node: ComplaintType;
}

@ObjectType('ComplaintConnection', { description: 'A page of complaints.' })
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
