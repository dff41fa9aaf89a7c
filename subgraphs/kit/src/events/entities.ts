import { ConsumedEventEntity } from './consumed-event.entity.js';
import { DeadLetterEventEntity } from './dead-letter-event.entity.js';
import { EventStallEntity } from './event-stall.entity.js';
import { OutboxDeliveryEntity } from './outbox-delivery.entity.js';
import { OutboxEventEntity } from './outbox-event.entity.js';

/**
 * The event backbone's tables. `openStore` and `migrateStore` add them to every subgraph's store,
 * so a subgraph cannot forget them: each one can produce and consume events.
 */
export const EVENT_ENTITIES = [OutboxEventEntity, OutboxDeliveryEntity, ConsumedEventEntity, DeadLetterEventEntity, EventStallEntity];
