import { Migration } from '@mikro-orm/migrations';

/**
 * Accepting a webhook in one round trip. `loyalnest_webhook_ingest` stores the delivery in the
 * inbox and, in the same statement's transaction, its outbox event: no begin, no tenant setting,
 * no commit sent apart. It is SECURITY DEFINER so it needs no tenant setting (whose form may
 * change) and still writes one merchant's rows only, the one the caller names, which must be the
 * merchant of the shop domain given: a shop → merchant mapping cached by the caller and gone stale
 * (the shop redacted, then installed again) finds nothing and answers `unknown-shop`, so the
 * caller looks the shop up afresh. The merchant's status is read here, not trusted from the cache,
 * so an uninstall made by another replica is honoured at once.
 *
 * Returns the delivery's status: `received` (its event written), `processed` (the merchant's own
 * `app/uninstalled`, applied here: the merchant is marked uninstalled, its token forgotten, and
 * `merchant.uninstalled` written once), `ignored`, `malformed`, or `duplicate` (this merchant and
 * Shopify event id are stored already: Shopify retried, perhaps while the first was being stored,
 * in which case the unique index makes this one wait for it and then find it).
 *
 * The event shares the delivery's id, so erasing a body finds its copy in the outbox by primary
 * key, and carries the body as the inbox holds it, encrypted with the inbox row's associated
 * data (merchant and delivery), so consumers need not read it back from the inbox.
 */
export class Migration20261205110000_webhook_ingest extends Migration {

  override name = 'Migration20261205110000_webhook_ingest';

  override up(): void | Promise<void> {
    this.addSql(`create function ${SIGNATURE}
      returns text
      language plpgsql volatile security definer set search_path = pg_catalog, public, pg_temp
      as $$
      declare
        v_merchant_status text;
        v_status text := p_status;
      begin
        select m.status into v_merchant_status from merchant m where m.id = p_merchant_id and m.shop_domain = p_shop;
        if not found then
          return 'unknown-shop';
        end if;
        -- An uninstalled merchant's deliveries are kept, not acted on; Shopify's compliance requests still are.
        if v_status = 'received' and v_merchant_status = 'uninstalled' and not p_compliance then
          v_status := 'ignored';
        end if;
        insert into webhook_delivery (id, merchant_id, event_id, webhook_id, topic, api_version, triggered_at, received_at, status, processed_at, payload_encrypted)
        values (p_id, p_merchant_id, p_event_id, p_webhook_id, p_topic, p_api_version, p_triggered_at, now(), v_status,
                case when v_status = 'processed' then now() end, p_payload_encrypted)
        on conflict (merchant_id, event_id) do nothing;
        if not found then
          return 'duplicate';
        end if;
        if v_status = 'received' then
          insert into outbox_event (id, merchant_id, topic, version, payload, occurred_at, published_at, actor_kind, actor_id, request_id, correlation_id)
          values (p_id, p_merchant_id, 'shopify.webhook.' || p_topic, 1,
                  jsonb_build_object('deliveryId', p_id, 'topic', p_topic, 'bodyEncrypted', p_payload_encrypted),
                  now(), null, p_actor_kind, p_actor_id, p_request_id, null);
        elsif v_status = 'processed' and p_topic = 'app/uninstalled' then
          update merchant set status = 'uninstalled', uninstalled_at = now(), access_token_encrypted = null, updated_at = now()
           where id = p_merchant_id and status <> 'uninstalled';
          if found then
            insert into outbox_event (id, merchant_id, topic, version, payload, occurred_at, published_at, actor_kind, actor_id, request_id, correlation_id)
            values (p_uninstalled_event_id, p_merchant_id, 'merchant.uninstalled', 1, jsonb_build_object('merchantId', p_merchant_id),
                    now(), null, p_actor_kind, p_actor_id, p_request_id, null);
          end if;
        end if;
        return v_status;
      end $$;`);
    this.addSql(`alter function ${ARGS} owner to loyalnest_definer;`);
    this.addSql(`revoke all on function ${ARGS} from public;`);
    this.addSql(`grant execute on function ${ARGS} to loyalnest_service;`);
    // Select on merchant, and select, update, delete on webhook_delivery and outbox_event, it holds already.
    this.addSql(`grant insert on "webhook_delivery", "outbox_event" to loyalnest_definer;`);
    this.addSql(`grant update on "merchant" to loyalnest_definer;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists ${ARGS};`);
    this.addSql(`revoke update on "merchant" from loyalnest_definer;`);
    this.addSql(`revoke insert on "webhook_delivery", "outbox_event" from loyalnest_definer;`);
  }

}

const SIGNATURE = `loyalnest_webhook_ingest(
  p_id uuid, p_merchant_id uuid, p_shop text, p_event_id text, p_webhook_id text, p_topic text, p_api_version text,
  p_triggered_at timestamptz, p_status text, p_compliance boolean, p_payload_encrypted text,
  p_actor_kind text, p_actor_id text, p_request_id text, p_uninstalled_event_id uuid)`;

const ARGS = 'loyalnest_webhook_ingest(uuid, uuid, text, text, text, text, text, timestamptz, text, boolean, text, text, text, text, uuid)';
