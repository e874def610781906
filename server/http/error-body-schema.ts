/** The one error shape every route answers with (see http-error.ts errorBody), for response schemas. */
import { Type } from '@sinclair/typebox';

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
  }),
});
