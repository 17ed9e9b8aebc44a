/**
 * The wire's shapes are held to PROTOCOL_VERSION: the parameters of every request and every message a
 * client sends, as JSON Schema, are snapshotted under the version's name. Changing a shape without
 * changing the version fails here (a client and server of the same version must understand each other);
 * with a new version, the snapshot is written anew (`vitest -u`) and the old one removed.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientMessageSchema } from '../../src/core/protocol/message-schema.js';
import { PROTOCOL_VERSION } from '../../src/core/protocol/messages.js';
import { REQUESTS } from '../../src/core/protocol/requests.js';

const shape = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' });

describe('the protocol', () => {
  it(`keeps the shapes of version ${PROTOCOL_VERSION}`, () => {
    const shapes = {
      requests: Object.fromEntries(Object.entries(REQUESTS).map(([method, schema]) => [method, shape(schema)])),
      clientMessages: shape(clientMessageSchema),
    };
    expect(shapes).toMatchSnapshot(`protocol version ${PROTOCOL_VERSION}`);
  });
});
