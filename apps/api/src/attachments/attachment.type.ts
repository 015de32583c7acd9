import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActorType } from '../auth/actor.type.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

@ObjectType('Attachment', {
  description:
    "A file on a case: a photo, a document, the resident's own letter. Its bytes are read at downloadPath with the same bearer token, and only by callers who may read the case's personal data.",
})
export class AttachmentType {
  @Field(() => ID, { description: 'Also what downloadPath ends with.' })
  id: string;

  @Field(() => ID)
  complaintId: string;

  @Field({
    description: 'The name it was uploaded with, made safe to show (at most 255 characters).',
  })
  fileName: string;

  @Field({
    description:
      "The type found from the file's bytes (never from its name), e.g. image/jpeg, application/pdf.",
  })
  contentType: string;

  @Field(() => Int)
  sizeBytes: number;

  @Field({ description: "The SHA-256 of the file's bytes, in hex." })
  sha256: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ActorType)
  uploadedBy: ActorType;

  @Field(() => DateTimeScalar)
  uploadedAt: string;

  @Field({ description: 'GET it with Authorization: Bearer …: /attachments/<id>.' })
  downloadPath: string;
}
