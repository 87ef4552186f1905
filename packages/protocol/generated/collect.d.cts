import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace sonde. */
export namespace sonde {

    /** Namespace collect. */
    namespace collect {

        /** Namespace v1. */
        namespace v1 {

            /**
             * Properties of a ClientMessage.
             * @deprecated Use sonde.collect.v1.ClientMessage.$Properties instead.
             */
            interface IClientMessage extends sonde.collect.v1.ClientMessage.$Properties {
            }

            /** Represents a ClientMessage. */
            class ClientMessage {

                /**
                 * Constructs a new ClientMessage.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.ClientMessage.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ClientMessage announce. */
                announce?: (sonde.collect.v1.Announce.$Properties|null);

                /** ClientMessage define. */
                define?: (sonde.collect.v1.Define.$Properties|null);

                /** ClientMessage batch. */
                batch?: (sonde.collect.v1.Batch.$Properties|null);

                /** ClientMessage body. */
                body?: ("announce"|"define"|"batch");

                /**
                 * Creates a new ClientMessage instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ClientMessage instance
                 */
                static create(properties: sonde.collect.v1.ClientMessage.$Shape): sonde.collect.v1.ClientMessage & sonde.collect.v1.ClientMessage.$Shape;
                static create(properties?: sonde.collect.v1.ClientMessage.$Properties): sonde.collect.v1.ClientMessage;

                /**
                 * Encodes the specified ClientMessage message. Does not implicitly {@link sonde.collect.v1.ClientMessage.verify|verify} messages.
                 * @param message ClientMessage message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.ClientMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ClientMessage message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.ClientMessage & sonde.collect.v1.ClientMessage.$Shape} ClientMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.ClientMessage & sonde.collect.v1.ClientMessage.$Shape;
            }

            namespace ClientMessage {

                /** Properties of a ClientMessage. */
                interface $Properties {

                    /** ClientMessage announce */
                    announce?: (sonde.collect.v1.Announce.$Properties|null);

                    /** ClientMessage define */
                    define?: (sonde.collect.v1.Define.$Properties|null);

                    /** ClientMessage batch */
                    batch?: (sonde.collect.v1.Batch.$Properties|null);

                    /** ClientMessage body */
                    body?: ("announce"|"define"|"batch");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a ClientMessage. */
                type $Shape = {
                  announce?: sonde.collect.v1.Announce.$Shape|null;
                  define?: sonde.collect.v1.Define.$Shape|null;
                  batch?: sonde.collect.v1.Batch.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ body?: undefined; announce?: null; define?: null; batch?: null }|{ body?: "announce"; announce: sonde.collect.v1.Announce.$Shape; define?: null; batch?: null }|{ body?: "define"; announce?: null; define: sonde.collect.v1.Define.$Shape; batch?: null }|{ body?: "batch"; announce?: null; define?: null; batch: sonde.collect.v1.Batch.$Shape })
                );
            }

            /**
             * Properties of a ServerMessage.
             * @deprecated Use sonde.collect.v1.ServerMessage.$Properties instead.
             */
            interface IServerMessage extends sonde.collect.v1.ServerMessage.$Properties {
            }

            /** Represents a ServerMessage. */
            class ServerMessage {

                /**
                 * Constructs a new ServerMessage.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.ServerMessage.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ServerMessage policy. */
                policy?: (sonde.collect.v1.Policy.$Properties|null);

                /** ServerMessage ack. */
                ack?: (sonde.collect.v1.Ack.$Properties|null);

                /** ServerMessage throttle. */
                throttle?: (sonde.collect.v1.Throttle.$Properties|null);

                /** ServerMessage body. */
                body?: ("policy"|"ack"|"throttle");

                /**
                 * Creates a new ServerMessage instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ServerMessage instance
                 */
                static create(properties: sonde.collect.v1.ServerMessage.$Shape): sonde.collect.v1.ServerMessage & sonde.collect.v1.ServerMessage.$Shape;
                static create(properties?: sonde.collect.v1.ServerMessage.$Properties): sonde.collect.v1.ServerMessage;

                /**
                 * Encodes the specified ServerMessage message. Does not implicitly {@link sonde.collect.v1.ServerMessage.verify|verify} messages.
                 * @param message ServerMessage message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.ServerMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ServerMessage message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.ServerMessage & sonde.collect.v1.ServerMessage.$Shape} ServerMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.ServerMessage & sonde.collect.v1.ServerMessage.$Shape;
            }

            namespace ServerMessage {

                /** Properties of a ServerMessage. */
                interface $Properties {

                    /** ServerMessage policy */
                    policy?: (sonde.collect.v1.Policy.$Properties|null);

                    /** ServerMessage ack */
                    ack?: (sonde.collect.v1.Ack.$Properties|null);

                    /** ServerMessage throttle */
                    throttle?: (sonde.collect.v1.Throttle.$Properties|null);

                    /** ServerMessage body */
                    body?: ("policy"|"ack"|"throttle");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a ServerMessage. */
                type $Shape = {
                  policy?: sonde.collect.v1.Policy.$Shape|null;
                  ack?: sonde.collect.v1.Ack.$Shape|null;
                  throttle?: sonde.collect.v1.Throttle.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ body?: undefined; policy?: null; ack?: null; throttle?: null }|{ body?: "policy"; policy: sonde.collect.v1.Policy.$Shape; ack?: null; throttle?: null }|{ body?: "ack"; policy?: null; ack: sonde.collect.v1.Ack.$Shape; throttle?: null }|{ body?: "throttle"; policy?: null; ack?: null; throttle: sonde.collect.v1.Throttle.$Shape })
                );
            }

            /**
             * Properties of an Announce.
             * @deprecated Use sonde.collect.v1.Announce.$Properties instead.
             */
            interface IAnnounce extends sonde.collect.v1.Announce.$Properties {
            }

            /** Represents an Announce. */
            class Announce {

                /**
                 * Constructs a new Announce.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Announce.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Announce sessionId. */
                sessionId: string;

                /** Announce timeBaseUnixMs. */
                timeBaseUnixMs: number;

                /** Announce agent. */
                agent: string;

                /** Announce stats. */
                stats?: (sonde.collect.v1.ClientStats.$Properties|null);

                /** Announce ackedSeq. */
                ackedSeq: number;

                /**
                 * Creates a new Announce instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Announce instance
                 */
                static create(properties: sonde.collect.v1.Announce.$Shape): sonde.collect.v1.Announce & sonde.collect.v1.Announce.$Shape;
                static create(properties?: sonde.collect.v1.Announce.$Properties): sonde.collect.v1.Announce;

                /**
                 * Encodes the specified Announce message. Does not implicitly {@link sonde.collect.v1.Announce.verify|verify} messages.
                 * @param message Announce message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Announce.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Announce message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Announce & sonde.collect.v1.Announce.$Shape} Announce
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Announce & sonde.collect.v1.Announce.$Shape;
            }

            namespace Announce {

                /** Properties of an Announce. */
                interface $Properties {

                    /** Announce sessionId */
                    sessionId?: (string|null);

                    /** Announce timeBaseUnixMs */
                    timeBaseUnixMs?: (number|null);

                    /** Announce agent */
                    agent?: (string|null);

                    /** Announce stats */
                    stats?: (sonde.collect.v1.ClientStats.$Properties|null);

                    /** Announce ackedSeq */
                    ackedSeq?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Announce. */
                type $Shape = sonde.collect.v1.Announce.$Properties;
            }

            /**
             * Properties of a ClientStats.
             * @deprecated Use sonde.collect.v1.ClientStats.$Properties instead.
             */
            interface IClientStats extends sonde.collect.v1.ClientStats.$Properties {
            }

            /** Represents a ClientStats. */
            class ClientStats {

                /**
                 * Constructs a new ClientStats.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.ClientStats.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** ClientStats droppedBatches. */
                droppedBatches: number;

                /** ClientStats droppedSamples. */
                droppedSamples: number;

                /** ClientStats droppedRecords. */
                droppedRecords: number;

                /** ClientStats reconnects. */
                reconnects: number;

                /**
                 * Creates a new ClientStats instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ClientStats instance
                 */
                static create(properties: sonde.collect.v1.ClientStats.$Shape): sonde.collect.v1.ClientStats & sonde.collect.v1.ClientStats.$Shape;
                static create(properties?: sonde.collect.v1.ClientStats.$Properties): sonde.collect.v1.ClientStats;

                /**
                 * Encodes the specified ClientStats message. Does not implicitly {@link sonde.collect.v1.ClientStats.verify|verify} messages.
                 * @param message ClientStats message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.ClientStats.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ClientStats message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.ClientStats & sonde.collect.v1.ClientStats.$Shape} ClientStats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.ClientStats & sonde.collect.v1.ClientStats.$Shape;
            }

            namespace ClientStats {

                /** Properties of a ClientStats. */
                interface $Properties {

                    /** ClientStats droppedBatches */
                    droppedBatches?: (number|null);

                    /** ClientStats droppedSamples */
                    droppedSamples?: (number|null);

                    /** ClientStats droppedRecords */
                    droppedRecords?: (number|null);

                    /** ClientStats reconnects */
                    reconnects?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a ClientStats. */
                type $Shape = sonde.collect.v1.ClientStats.$Properties;
            }

            /**
             * Properties of an Identity.
             * @deprecated Use sonde.collect.v1.Identity.$Properties instead.
             */
            interface IIdentity extends sonde.collect.v1.Identity.$Properties {
            }

            /** Represents an Identity. */
            class Identity {

                /**
                 * Constructs a new Identity.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Identity.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Identity id. */
                id: number;

                /** Identity labels. */
                labels: { [k: string]: string };

                /** Identity startTimeUnixNano. */
                startTimeUnixNano: number;

                /**
                 * Creates a new Identity instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Identity instance
                 */
                static create(properties: sonde.collect.v1.Identity.$Shape): sonde.collect.v1.Identity & sonde.collect.v1.Identity.$Shape;
                static create(properties?: sonde.collect.v1.Identity.$Properties): sonde.collect.v1.Identity;

                /**
                 * Encodes the specified Identity message. Does not implicitly {@link sonde.collect.v1.Identity.verify|verify} messages.
                 * @param message Identity message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Identity.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Identity message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Identity & sonde.collect.v1.Identity.$Shape} Identity
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Identity & sonde.collect.v1.Identity.$Shape;
            }

            namespace Identity {

                /** Properties of an Identity. */
                interface $Properties {

                    /** Identity id */
                    id?: (number|null);

                    /** Identity labels */
                    labels?: ({ [k: string]: string }|null);

                    /** Identity startTimeUnixNano */
                    startTimeUnixNano?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Identity. */
                type $Shape = sonde.collect.v1.Identity.$Properties;
            }

            /** MetricKind enum. */
            enum MetricKind {

                /** METRIC_KIND_UNSPECIFIED value */
                METRIC_KIND_UNSPECIFIED = 0,

                /** METRIC_KIND_CONSTANT value */
                METRIC_KIND_CONSTANT = 1,

                /** METRIC_KIND_GAUGE value */
                METRIC_KIND_GAUGE = 2,

                /** METRIC_KIND_COUNTER value */
                METRIC_KIND_COUNTER = 3,

                /** METRIC_KIND_DISTRIBUTION value */
                METRIC_KIND_DISTRIBUTION = 4
            }

            /** ValueType enum. */
            enum ValueType {

                /** VALUE_TYPE_UNSPECIFIED value */
                VALUE_TYPE_UNSPECIFIED = 0,

                /** VALUE_TYPE_INT value */
                VALUE_TYPE_INT = 1,

                /** VALUE_TYPE_DOUBLE value */
                VALUE_TYPE_DOUBLE = 2,

                /** VALUE_TYPE_STRING value */
                VALUE_TYPE_STRING = 3,

                /** VALUE_TYPE_BOOL value */
                VALUE_TYPE_BOOL = 4
            }

            /**
             * Properties of a MetricDefinition.
             * @deprecated Use sonde.collect.v1.MetricDefinition.$Properties instead.
             */
            interface IMetricDefinition extends sonde.collect.v1.MetricDefinition.$Properties {
            }

            /** Represents a MetricDefinition. */
            class MetricDefinition {

                /**
                 * Constructs a new MetricDefinition.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.MetricDefinition.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** MetricDefinition id. */
                id: number;

                /** MetricDefinition name. */
                name: string;

                /** MetricDefinition kind. */
                kind: sonde.collect.v1.MetricKind;

                /** MetricDefinition valueType. */
                valueType: sonde.collect.v1.ValueType;

                /** MetricDefinition description. */
                description: string;

                /** MetricDefinition unit. */
                unit: string;

                /** MetricDefinition owner. */
                owner: string;

                /** MetricDefinition stability. */
                stability: string;

                /** MetricDefinition sourceFile. */
                sourceFile: string;

                /** MetricDefinition sourceLine. */
                sourceLine: number;

                /** MetricDefinition tagNames. */
                tagNames: string[];

                /** MetricDefinition bounds. */
                bounds: number[];

                /**
                 * Creates a new MetricDefinition instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns MetricDefinition instance
                 */
                static create(properties: sonde.collect.v1.MetricDefinition.$Shape): sonde.collect.v1.MetricDefinition & sonde.collect.v1.MetricDefinition.$Shape;
                static create(properties?: sonde.collect.v1.MetricDefinition.$Properties): sonde.collect.v1.MetricDefinition;

                /**
                 * Encodes the specified MetricDefinition message. Does not implicitly {@link sonde.collect.v1.MetricDefinition.verify|verify} messages.
                 * @param message MetricDefinition message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.MetricDefinition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a MetricDefinition message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.MetricDefinition & sonde.collect.v1.MetricDefinition.$Shape} MetricDefinition
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.MetricDefinition & sonde.collect.v1.MetricDefinition.$Shape;
            }

            namespace MetricDefinition {

                /** Properties of a MetricDefinition. */
                interface $Properties {

                    /** MetricDefinition id */
                    id?: (number|null);

                    /** MetricDefinition name */
                    name?: (string|null);

                    /** MetricDefinition kind */
                    kind?: (sonde.collect.v1.MetricKind|null);

                    /** MetricDefinition valueType */
                    valueType?: (sonde.collect.v1.ValueType|null);

                    /** MetricDefinition description */
                    description?: (string|null);

                    /** MetricDefinition unit */
                    unit?: (string|null);

                    /** MetricDefinition owner */
                    owner?: (string|null);

                    /** MetricDefinition stability */
                    stability?: (string|null);

                    /** MetricDefinition sourceFile */
                    sourceFile?: (string|null);

                    /** MetricDefinition sourceLine */
                    sourceLine?: (number|null);

                    /** MetricDefinition tagNames */
                    tagNames?: (string[]|null);

                    /** MetricDefinition bounds */
                    bounds?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a MetricDefinition. */
                type $Shape = sonde.collect.v1.MetricDefinition.$Properties;
            }

            /**
             * Properties of a TagValue.
             * @deprecated Use sonde.collect.v1.TagValue.$Properties instead.
             */
            interface ITagValue extends sonde.collect.v1.TagValue.$Properties {
            }

            /** Represents a TagValue. */
            class TagValue {

                /**
                 * Constructs a new TagValue.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.TagValue.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** TagValue stringValue. */
                stringValue?: (string|null);

                /** TagValue intValue. */
                intValue?: (number|null);

                /** TagValue boolValue. */
                boolValue?: (boolean|null);

                /** TagValue value. */
                value?: ("stringValue"|"intValue"|"boolValue");

                /**
                 * Creates a new TagValue instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns TagValue instance
                 */
                static create(properties: sonde.collect.v1.TagValue.$Shape): sonde.collect.v1.TagValue & sonde.collect.v1.TagValue.$Shape;
                static create(properties?: sonde.collect.v1.TagValue.$Properties): sonde.collect.v1.TagValue;

                /**
                 * Encodes the specified TagValue message. Does not implicitly {@link sonde.collect.v1.TagValue.verify|verify} messages.
                 * @param message TagValue message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.TagValue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a TagValue message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.TagValue & sonde.collect.v1.TagValue.$Shape} TagValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.TagValue & sonde.collect.v1.TagValue.$Shape;
            }

            namespace TagValue {

                /** Properties of a TagValue. */
                interface $Properties {

                    /** TagValue stringValue */
                    stringValue?: (string|null);

                    /** TagValue intValue */
                    intValue?: (number|null);

                    /** TagValue boolValue */
                    boolValue?: (boolean|null);

                    /** TagValue value */
                    value?: ("stringValue"|"intValue"|"boolValue");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a TagValue. */
                type $Shape = {
                  stringValue?: string|null;
                  intValue?: number|null;
                  boolValue?: boolean|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ value?: undefined; stringValue?: null; intValue?: null; boolValue?: null }|{ value?: "stringValue"; stringValue: string; intValue?: null; boolValue?: null }|{ value?: "intValue"; stringValue?: null; intValue: number; boolValue?: null }|{ value?: "boolValue"; stringValue?: null; intValue?: null; boolValue: boolean })
                );
            }

            /**
             * Properties of a SeriesDefinition.
             * @deprecated Use sonde.collect.v1.SeriesDefinition.$Properties instead.
             */
            interface ISeriesDefinition extends sonde.collect.v1.SeriesDefinition.$Properties {
            }

            /** Represents a SeriesDefinition. */
            class SeriesDefinition {

                /**
                 * Constructs a new SeriesDefinition.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.SeriesDefinition.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SeriesDefinition id. */
                id: number;

                /** SeriesDefinition metricId. */
                metricId: number;

                /** SeriesDefinition identityId. */
                identityId: number;

                /** SeriesDefinition tagValues. */
                tagValues: sonde.collect.v1.TagValue.$Properties[];

                /** SeriesDefinition startTimeUnixNano. */
                startTimeUnixNano: number;

                /** SeriesDefinition overflow. */
                overflow: boolean;

                /** SeriesDefinition bounds. */
                bounds: number[];

                /**
                 * Creates a new SeriesDefinition instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SeriesDefinition instance
                 */
                static create(properties: sonde.collect.v1.SeriesDefinition.$Shape): sonde.collect.v1.SeriesDefinition & sonde.collect.v1.SeriesDefinition.$Shape;
                static create(properties?: sonde.collect.v1.SeriesDefinition.$Properties): sonde.collect.v1.SeriesDefinition;

                /**
                 * Encodes the specified SeriesDefinition message. Does not implicitly {@link sonde.collect.v1.SeriesDefinition.verify|verify} messages.
                 * @param message SeriesDefinition message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.SeriesDefinition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SeriesDefinition message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SeriesDefinition & sonde.collect.v1.SeriesDefinition.$Shape} SeriesDefinition
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.SeriesDefinition & sonde.collect.v1.SeriesDefinition.$Shape;
            }

            namespace SeriesDefinition {

                /** Properties of a SeriesDefinition. */
                interface $Properties {

                    /** SeriesDefinition id */
                    id?: (number|null);

                    /** SeriesDefinition metricId */
                    metricId?: (number|null);

                    /** SeriesDefinition identityId */
                    identityId?: (number|null);

                    /** SeriesDefinition tagValues */
                    tagValues?: (sonde.collect.v1.TagValue.$Properties[]|null);

                    /** SeriesDefinition startTimeUnixNano */
                    startTimeUnixNano?: (number|null);

                    /** SeriesDefinition overflow */
                    overflow?: (boolean|null);

                    /** SeriesDefinition bounds */
                    bounds?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SeriesDefinition. */
                type $Shape = {
                  id?: number|null;
                  metricId?: number|null;
                  identityId?: number|null;
                  tagValues?: sonde.collect.v1.TagValue.$Shape[]|null;
                  startTimeUnixNano?: number|null;
                  overflow?: boolean|null;
                  bounds?: number[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a Define.
             * @deprecated Use sonde.collect.v1.Define.$Properties instead.
             */
            interface IDefine extends sonde.collect.v1.Define.$Properties {
            }

            /** Represents a Define. */
            class Define {

                /**
                 * Constructs a new Define.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Define.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Define identities. */
                identities: sonde.collect.v1.Identity.$Properties[];

                /** Define metrics. */
                metrics: sonde.collect.v1.MetricDefinition.$Properties[];

                /** Define series. */
                series: sonde.collect.v1.SeriesDefinition.$Properties[];

                /** Define firstStringId. */
                firstStringId: number;

                /** Define strings. */
                strings: string[];

                /**
                 * Creates a new Define instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Define instance
                 */
                static create(properties: sonde.collect.v1.Define.$Shape): sonde.collect.v1.Define & sonde.collect.v1.Define.$Shape;
                static create(properties?: sonde.collect.v1.Define.$Properties): sonde.collect.v1.Define;

                /**
                 * Encodes the specified Define message. Does not implicitly {@link sonde.collect.v1.Define.verify|verify} messages.
                 * @param message Define message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Define.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Define message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Define & sonde.collect.v1.Define.$Shape} Define
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Define & sonde.collect.v1.Define.$Shape;
            }

            namespace Define {

                /** Properties of a Define. */
                interface $Properties {

                    /** Define identities */
                    identities?: (sonde.collect.v1.Identity.$Properties[]|null);

                    /** Define metrics */
                    metrics?: (sonde.collect.v1.MetricDefinition.$Properties[]|null);

                    /** Define series */
                    series?: (sonde.collect.v1.SeriesDefinition.$Properties[]|null);

                    /** Define firstStringId */
                    firstStringId?: (number|null);

                    /** Define strings */
                    strings?: (string[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Define. */
                type $Shape = {
                  identities?: sonde.collect.v1.Identity.$Shape[]|null;
                  metrics?: sonde.collect.v1.MetricDefinition.$Shape[]|null;
                  series?: sonde.collect.v1.SeriesDefinition.$Shape[]|null;
                  firstStringId?: number|null;
                  strings?: string[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a Batch.
             * @deprecated Use sonde.collect.v1.Batch.$Properties instead.
             */
            interface IBatch extends sonde.collect.v1.Batch.$Properties {
            }

            /** Represents a Batch. */
            class Batch {

                /**
                 * Constructs a new Batch.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Batch.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Batch seq. */
                seq: number;

                /** Batch rebaseUnixMs. */
                rebaseUnixMs: number;

                /** Batch timeOffsetMs. */
                timeOffsetMs: number;

                /** Batch define. */
                define?: (sonde.collect.v1.Define.$Properties|null);

                /** Batch metrics. */
                metrics?: (sonde.collect.v1.MetricSamples.$Properties|null);

                /** Batch spans. */
                spans: sonde.collect.v1.Span.$Properties[];

                /** Batch stats. */
                stats?: (sonde.collect.v1.ClientStats.$Properties|null);

                /** Batch events. */
                events: sonde.collect.v1.Record.$Properties[];

                /** Batch logs. */
                logs: sonde.collect.v1.Record.$Properties[];

                /** Batch errors. */
                errors: sonde.collect.v1.Record.$Properties[];

                /**
                 * Creates a new Batch instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Batch instance
                 */
                static create(properties: sonde.collect.v1.Batch.$Shape): sonde.collect.v1.Batch & sonde.collect.v1.Batch.$Shape;
                static create(properties?: sonde.collect.v1.Batch.$Properties): sonde.collect.v1.Batch;

                /**
                 * Encodes the specified Batch message. Does not implicitly {@link sonde.collect.v1.Batch.verify|verify} messages.
                 * @param message Batch message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Batch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Batch message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Batch & sonde.collect.v1.Batch.$Shape} Batch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Batch & sonde.collect.v1.Batch.$Shape;
            }

            namespace Batch {

                /** Properties of a Batch. */
                interface $Properties {

                    /** Batch seq */
                    seq?: (number|null);

                    /** Batch rebaseUnixMs */
                    rebaseUnixMs?: (number|null);

                    /** Batch timeOffsetMs */
                    timeOffsetMs?: (number|null);

                    /** Batch define */
                    define?: (sonde.collect.v1.Define.$Properties|null);

                    /** Batch metrics */
                    metrics?: (sonde.collect.v1.MetricSamples.$Properties|null);

                    /** Batch spans */
                    spans?: (sonde.collect.v1.Span.$Properties[]|null);

                    /** Batch stats */
                    stats?: (sonde.collect.v1.ClientStats.$Properties|null);

                    /** Batch events */
                    events?: (sonde.collect.v1.Record.$Properties[]|null);

                    /** Batch logs */
                    logs?: (sonde.collect.v1.Record.$Properties[]|null);

                    /** Batch errors */
                    errors?: (sonde.collect.v1.Record.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Batch. */
                type $Shape = {
                  seq?: number|null;
                  rebaseUnixMs?: number|null;
                  timeOffsetMs?: number|null;
                  define?: sonde.collect.v1.Define.$Shape|null;
                  metrics?: sonde.collect.v1.MetricSamples.$Shape|null;
                  spans?: sonde.collect.v1.Span.$Shape[]|null;
                  stats?: sonde.collect.v1.ClientStats.$Shape|null;
                  events?: sonde.collect.v1.Record.$Shape[]|null;
                  logs?: sonde.collect.v1.Record.$Shape[]|null;
                  errors?: sonde.collect.v1.Record.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a Record.
             * @deprecated Use sonde.collect.v1.Record.$Properties instead.
             */
            interface IRecord extends sonde.collect.v1.Record.$Properties {
            }

            /** Represents a Record. */
            class Record {

                /**
                 * Constructs a new Record.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Record.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Record identityId. */
                identityId: number;

                /** Record timeOffsetNs. */
                timeOffsetNs: number;

                /** Record traceId. */
                traceId: Uint8Array;

                /** Record spanId. */
                spanId: Uint8Array;

                /** Record attributes. */
                attributes: sonde.collect.v1.Attribute.$Properties[];

                /**
                 * Creates a new Record instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Record instance
                 */
                static create(properties: sonde.collect.v1.Record.$Shape): sonde.collect.v1.Record & sonde.collect.v1.Record.$Shape;
                static create(properties?: sonde.collect.v1.Record.$Properties): sonde.collect.v1.Record;

                /**
                 * Encodes the specified Record message. Does not implicitly {@link sonde.collect.v1.Record.verify|verify} messages.
                 * @param message Record message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Record.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Record message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Record & sonde.collect.v1.Record.$Shape} Record
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Record & sonde.collect.v1.Record.$Shape;
            }

            namespace Record {

                /** Properties of a Record. */
                interface $Properties {

                    /** Record identityId */
                    identityId?: (number|null);

                    /** Record timeOffsetNs */
                    timeOffsetNs?: (number|null);

                    /** Record traceId */
                    traceId?: (Uint8Array|null);

                    /** Record spanId */
                    spanId?: (Uint8Array|null);

                    /** Record attributes */
                    attributes?: (sonde.collect.v1.Attribute.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Record. */
                type $Shape = {
                  identityId?: number|null;
                  timeOffsetNs?: number|null;
                  traceId?: Uint8Array|null;
                  spanId?: Uint8Array|null;
                  attributes?: sonde.collect.v1.Attribute.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a MetricSamples.
             * @deprecated Use sonde.collect.v1.MetricSamples.$Properties instead.
             */
            interface IMetricSamples extends sonde.collect.v1.MetricSamples.$Properties {
            }

            /** Represents a MetricSamples. */
            class MetricSamples {

                /**
                 * Constructs a new MetricSamples.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.MetricSamples.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** MetricSamples sampledMetrics. */
                sampledMetrics: number[];

                /** MetricSamples changed. */
                changed: number[];

                /** MetricSamples changedRice. */
                changedRice: Uint8Array;

                /** MetricSamples ints. */
                ints: number[];

                /** MetricSamples doubles. */
                doubles: number[];

                /** MetricSamples strings. */
                strings: string[];

                /** MetricSamples buckets. */
                buckets: number[];

                /**
                 * Creates a new MetricSamples instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns MetricSamples instance
                 */
                static create(properties: sonde.collect.v1.MetricSamples.$Shape): sonde.collect.v1.MetricSamples & sonde.collect.v1.MetricSamples.$Shape;
                static create(properties?: sonde.collect.v1.MetricSamples.$Properties): sonde.collect.v1.MetricSamples;

                /**
                 * Encodes the specified MetricSamples message. Does not implicitly {@link sonde.collect.v1.MetricSamples.verify|verify} messages.
                 * @param message MetricSamples message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.MetricSamples.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a MetricSamples message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.MetricSamples & sonde.collect.v1.MetricSamples.$Shape} MetricSamples
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.MetricSamples & sonde.collect.v1.MetricSamples.$Shape;
            }

            namespace MetricSamples {

                /** Properties of a MetricSamples. */
                interface $Properties {

                    /** MetricSamples sampledMetrics */
                    sampledMetrics?: (number[]|null);

                    /** MetricSamples changed */
                    changed?: (number[]|null);

                    /** MetricSamples changedRice */
                    changedRice?: (Uint8Array|null);

                    /** MetricSamples ints */
                    ints?: (number[]|null);

                    /** MetricSamples doubles */
                    doubles?: (number[]|null);

                    /** MetricSamples strings */
                    strings?: (string[]|null);

                    /** MetricSamples buckets */
                    buckets?: (number[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a MetricSamples. */
                type $Shape = sonde.collect.v1.MetricSamples.$Properties;
            }

            /**
             * Properties of a Span.
             * @deprecated Use sonde.collect.v1.Span.$Properties instead.
             */
            interface ISpan extends sonde.collect.v1.Span.$Properties {
            }

            /** Represents a Span. */
            class Span {

                /**
                 * Constructs a new Span.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Span.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Span traceId. */
                traceId: Uint8Array;

                /** Span spanId. */
                spanId: Uint8Array;

                /** Span parentSpanId. */
                parentSpanId: Uint8Array;

                /** Span identityId. */
                identityId: number;

                /** Span name. */
                name: number;

                /** Span kind. */
                kind: number;

                /** Span startOffsetNs. */
                startOffsetNs: number;

                /** Span durationNs. */
                durationNs: number;

                /** Span statusCode. */
                statusCode: number;

                /** Span statusMessage. */
                statusMessage: number;

                /** Span traceState. */
                traceState: number;

                /** Span scope. */
                scope: number;

                /** Span attributes. */
                attributes: sonde.collect.v1.Attribute.$Properties[];

                /** Span events. */
                events: sonde.collect.v1.SpanEvent.$Properties[];

                /** Span links. */
                links: sonde.collect.v1.SpanLink.$Properties[];

                /** Span inlineName. */
                inlineName: string;

                /** Span inlineStatusMessage. */
                inlineStatusMessage: string;

                /** Span inlineTraceState. */
                inlineTraceState: string;

                /**
                 * Creates a new Span instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Span instance
                 */
                static create(properties: sonde.collect.v1.Span.$Shape): sonde.collect.v1.Span & sonde.collect.v1.Span.$Shape;
                static create(properties?: sonde.collect.v1.Span.$Properties): sonde.collect.v1.Span;

                /**
                 * Encodes the specified Span message. Does not implicitly {@link sonde.collect.v1.Span.verify|verify} messages.
                 * @param message Span message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Span.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Span message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Span & sonde.collect.v1.Span.$Shape} Span
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Span & sonde.collect.v1.Span.$Shape;
            }

            namespace Span {

                /** Properties of a Span. */
                interface $Properties {

                    /** Span traceId */
                    traceId?: (Uint8Array|null);

                    /** Span spanId */
                    spanId?: (Uint8Array|null);

                    /** Span parentSpanId */
                    parentSpanId?: (Uint8Array|null);

                    /** Span identityId */
                    identityId?: (number|null);

                    /** Span name */
                    name?: (number|null);

                    /** Span kind */
                    kind?: (number|null);

                    /** Span startOffsetNs */
                    startOffsetNs?: (number|null);

                    /** Span durationNs */
                    durationNs?: (number|null);

                    /** Span statusCode */
                    statusCode?: (number|null);

                    /** Span statusMessage */
                    statusMessage?: (number|null);

                    /** Span traceState */
                    traceState?: (number|null);

                    /** Span scope */
                    scope?: (number|null);

                    /** Span attributes */
                    attributes?: (sonde.collect.v1.Attribute.$Properties[]|null);

                    /** Span events */
                    events?: (sonde.collect.v1.SpanEvent.$Properties[]|null);

                    /** Span links */
                    links?: (sonde.collect.v1.SpanLink.$Properties[]|null);

                    /** Span inlineName */
                    inlineName?: (string|null);

                    /** Span inlineStatusMessage */
                    inlineStatusMessage?: (string|null);

                    /** Span inlineTraceState */
                    inlineTraceState?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Span. */
                type $Shape = {
                  traceId?: Uint8Array|null;
                  spanId?: Uint8Array|null;
                  parentSpanId?: Uint8Array|null;
                  identityId?: number|null;
                  name?: number|null;
                  kind?: number|null;
                  startOffsetNs?: number|null;
                  durationNs?: number|null;
                  statusCode?: number|null;
                  statusMessage?: number|null;
                  traceState?: number|null;
                  scope?: number|null;
                  attributes?: sonde.collect.v1.Attribute.$Shape[]|null;
                  events?: sonde.collect.v1.SpanEvent.$Shape[]|null;
                  links?: sonde.collect.v1.SpanLink.$Shape[]|null;
                  inlineName?: string|null;
                  inlineStatusMessage?: string|null;
                  inlineTraceState?: string|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of an Attribute.
             * @deprecated Use sonde.collect.v1.Attribute.$Properties instead.
             */
            interface IAttribute extends sonde.collect.v1.Attribute.$Properties {
            }

            /** Represents an Attribute. */
            class Attribute {

                /**
                 * Constructs a new Attribute.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Attribute.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Attribute key. */
                key: number;

                /** Attribute inlineKey. */
                inlineKey: string;

                /** Attribute stringRef. */
                stringRef?: (number|null);

                /** Attribute stringValue. */
                stringValue?: (string|null);

                /** Attribute intValue. */
                intValue?: (number|null);

                /** Attribute doubleValue. */
                doubleValue?: (number|null);

                /** Attribute boolValue. */
                boolValue?: (boolean|null);

                /** Attribute jsonValue. */
                jsonValue?: (string|null);

                /** Attribute value. */
                value?: ("stringRef"|"stringValue"|"intValue"|"doubleValue"|"boolValue"|"jsonValue");

                /**
                 * Creates a new Attribute instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Attribute instance
                 */
                static create(properties: sonde.collect.v1.Attribute.$Shape): sonde.collect.v1.Attribute & sonde.collect.v1.Attribute.$Shape;
                static create(properties?: sonde.collect.v1.Attribute.$Properties): sonde.collect.v1.Attribute;

                /**
                 * Encodes the specified Attribute message. Does not implicitly {@link sonde.collect.v1.Attribute.verify|verify} messages.
                 * @param message Attribute message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Attribute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Attribute message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Attribute & sonde.collect.v1.Attribute.$Shape} Attribute
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Attribute & sonde.collect.v1.Attribute.$Shape;
            }

            namespace Attribute {

                /** Properties of an Attribute. */
                interface $Properties {

                    /** Attribute key */
                    key?: (number|null);

                    /** Attribute inlineKey */
                    inlineKey?: (string|null);

                    /** Attribute stringRef */
                    stringRef?: (number|null);

                    /** Attribute stringValue */
                    stringValue?: (string|null);

                    /** Attribute intValue */
                    intValue?: (number|null);

                    /** Attribute doubleValue */
                    doubleValue?: (number|null);

                    /** Attribute boolValue */
                    boolValue?: (boolean|null);

                    /** Attribute jsonValue */
                    jsonValue?: (string|null);

                    /** Attribute value */
                    value?: ("stringRef"|"stringValue"|"intValue"|"doubleValue"|"boolValue"|"jsonValue");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of an Attribute. */
                type $Shape = {
                  key?: number|null;
                  inlineKey?: string|null;
                  stringRef?: number|null;
                  stringValue?: string|null;
                  intValue?: number|null;
                  doubleValue?: number|null;
                  boolValue?: boolean|null;
                  jsonValue?: string|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ value?: undefined; stringRef?: null; stringValue?: null; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "stringRef"; stringRef: number; stringValue?: null; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "stringValue"; stringRef?: null; stringValue: string; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "intValue"; stringRef?: null; stringValue?: null; intValue: number; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "doubleValue"; stringRef?: null; stringValue?: null; intValue?: null; doubleValue: number; boolValue?: null; jsonValue?: null }|{ value?: "boolValue"; stringRef?: null; stringValue?: null; intValue?: null; doubleValue?: null; boolValue: boolean; jsonValue?: null }|{ value?: "jsonValue"; stringRef?: null; stringValue?: null; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue: string })
                );
            }

            /**
             * Properties of a SpanEvent.
             * @deprecated Use sonde.collect.v1.SpanEvent.$Properties instead.
             */
            interface ISpanEvent extends sonde.collect.v1.SpanEvent.$Properties {
            }

            /** Represents a SpanEvent. */
            class SpanEvent {

                /**
                 * Constructs a new SpanEvent.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.SpanEvent.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SpanEvent name. */
                name: number;

                /** SpanEvent timeOffsetNs. */
                timeOffsetNs: number;

                /** SpanEvent attributes. */
                attributes: sonde.collect.v1.Attribute.$Properties[];

                /** SpanEvent inlineName. */
                inlineName: string;

                /**
                 * Creates a new SpanEvent instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SpanEvent instance
                 */
                static create(properties: sonde.collect.v1.SpanEvent.$Shape): sonde.collect.v1.SpanEvent & sonde.collect.v1.SpanEvent.$Shape;
                static create(properties?: sonde.collect.v1.SpanEvent.$Properties): sonde.collect.v1.SpanEvent;

                /**
                 * Encodes the specified SpanEvent message. Does not implicitly {@link sonde.collect.v1.SpanEvent.verify|verify} messages.
                 * @param message SpanEvent message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.SpanEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SpanEvent message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SpanEvent & sonde.collect.v1.SpanEvent.$Shape} SpanEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.SpanEvent & sonde.collect.v1.SpanEvent.$Shape;
            }

            namespace SpanEvent {

                /** Properties of a SpanEvent. */
                interface $Properties {

                    /** SpanEvent name */
                    name?: (number|null);

                    /** SpanEvent timeOffsetNs */
                    timeOffsetNs?: (number|null);

                    /** SpanEvent attributes */
                    attributes?: (sonde.collect.v1.Attribute.$Properties[]|null);

                    /** SpanEvent inlineName */
                    inlineName?: (string|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SpanEvent. */
                type $Shape = {
                  name?: number|null;
                  timeOffsetNs?: number|null;
                  attributes?: sonde.collect.v1.Attribute.$Shape[]|null;
                  inlineName?: string|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a SpanLink.
             * @deprecated Use sonde.collect.v1.SpanLink.$Properties instead.
             */
            interface ISpanLink extends sonde.collect.v1.SpanLink.$Properties {
            }

            /** Represents a SpanLink. */
            class SpanLink {

                /**
                 * Constructs a new SpanLink.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.SpanLink.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SpanLink traceId. */
                traceId: Uint8Array;

                /** SpanLink spanId. */
                spanId: Uint8Array;

                /** SpanLink attributes. */
                attributes: sonde.collect.v1.Attribute.$Properties[];

                /**
                 * Creates a new SpanLink instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SpanLink instance
                 */
                static create(properties: sonde.collect.v1.SpanLink.$Shape): sonde.collect.v1.SpanLink & sonde.collect.v1.SpanLink.$Shape;
                static create(properties?: sonde.collect.v1.SpanLink.$Properties): sonde.collect.v1.SpanLink;

                /**
                 * Encodes the specified SpanLink message. Does not implicitly {@link sonde.collect.v1.SpanLink.verify|verify} messages.
                 * @param message SpanLink message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.SpanLink.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SpanLink message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SpanLink & sonde.collect.v1.SpanLink.$Shape} SpanLink
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.SpanLink & sonde.collect.v1.SpanLink.$Shape;
            }

            namespace SpanLink {

                /** Properties of a SpanLink. */
                interface $Properties {

                    /** SpanLink traceId */
                    traceId?: (Uint8Array|null);

                    /** SpanLink spanId */
                    spanId?: (Uint8Array|null);

                    /** SpanLink attributes */
                    attributes?: (sonde.collect.v1.Attribute.$Properties[]|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SpanLink. */
                type $Shape = {
                  traceId?: Uint8Array|null;
                  spanId?: Uint8Array|null;
                  attributes?: sonde.collect.v1.Attribute.$Shape[]|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a Policy.
             * @deprecated Use sonde.collect.v1.Policy.$Properties instead.
             */
            interface IPolicy extends sonde.collect.v1.Policy.$Properties {
            }

            /** Represents a Policy. */
            class Policy {

                /**
                 * Constructs a new Policy.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Policy.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Policy version. */
                version: number;

                /** Policy metrics. */
                metrics: sonde.collect.v1.MetricRule.$Properties[];

                /** Policy spans. */
                spans?: (sonde.collect.v1.SignalRule.$Properties|null);

                /** Policy events. */
                events?: (sonde.collect.v1.SignalRule.$Properties|null);

                /** Policy logs. */
                logs?: (sonde.collect.v1.SignalRule.$Properties|null);

                /** Policy durableSeq. */
                durableSeq: number;

                /** Policy maxBatchBytes. */
                maxBatchBytes: number;

                /**
                 * Creates a new Policy instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Policy instance
                 */
                static create(properties: sonde.collect.v1.Policy.$Shape): sonde.collect.v1.Policy & sonde.collect.v1.Policy.$Shape;
                static create(properties?: sonde.collect.v1.Policy.$Properties): sonde.collect.v1.Policy;

                /**
                 * Encodes the specified Policy message. Does not implicitly {@link sonde.collect.v1.Policy.verify|verify} messages.
                 * @param message Policy message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Policy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Policy message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Policy & sonde.collect.v1.Policy.$Shape} Policy
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Policy & sonde.collect.v1.Policy.$Shape;
            }

            namespace Policy {

                /** Properties of a Policy. */
                interface $Properties {

                    /** Policy version */
                    version?: (number|null);

                    /** Policy metrics */
                    metrics?: (sonde.collect.v1.MetricRule.$Properties[]|null);

                    /** Policy spans */
                    spans?: (sonde.collect.v1.SignalRule.$Properties|null);

                    /** Policy events */
                    events?: (sonde.collect.v1.SignalRule.$Properties|null);

                    /** Policy logs */
                    logs?: (sonde.collect.v1.SignalRule.$Properties|null);

                    /** Policy durableSeq */
                    durableSeq?: (number|null);

                    /** Policy maxBatchBytes */
                    maxBatchBytes?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Policy. */
                type $Shape = {
                  version?: number|null;
                  metrics?: sonde.collect.v1.MetricRule.$Shape[]|null;
                  spans?: sonde.collect.v1.SignalRule.$Shape|null;
                  events?: sonde.collect.v1.SignalRule.$Shape|null;
                  logs?: sonde.collect.v1.SignalRule.$Shape|null;
                  durableSeq?: number|null;
                  maxBatchBytes?: number|null;
                  $unknowns?: Uint8Array[];
                };
            }

            /**
             * Properties of a MetricRule.
             * @deprecated Use sonde.collect.v1.MetricRule.$Properties instead.
             */
            interface IMetricRule extends sonde.collect.v1.MetricRule.$Properties {
            }

            /** Represents a MetricRule. */
            class MetricRule {

                /**
                 * Constructs a new MetricRule.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.MetricRule.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** MetricRule name. */
                name?: (string|null);

                /** MetricRule prefix. */
                prefix?: (string|null);

                /** MetricRule intervalMs. */
                intervalMs: number;

                /** MetricRule match. */
                match?: ("name"|"prefix");

                /**
                 * Creates a new MetricRule instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns MetricRule instance
                 */
                static create(properties: sonde.collect.v1.MetricRule.$Shape): sonde.collect.v1.MetricRule & sonde.collect.v1.MetricRule.$Shape;
                static create(properties?: sonde.collect.v1.MetricRule.$Properties): sonde.collect.v1.MetricRule;

                /**
                 * Encodes the specified MetricRule message. Does not implicitly {@link sonde.collect.v1.MetricRule.verify|verify} messages.
                 * @param message MetricRule message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.MetricRule.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a MetricRule message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.MetricRule & sonde.collect.v1.MetricRule.$Shape} MetricRule
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.MetricRule & sonde.collect.v1.MetricRule.$Shape;
            }

            namespace MetricRule {

                /** Properties of a MetricRule. */
                interface $Properties {

                    /** MetricRule name */
                    name?: (string|null);

                    /** MetricRule prefix */
                    prefix?: (string|null);

                    /** MetricRule intervalMs */
                    intervalMs?: (number|null);

                    /** MetricRule match */
                    match?: ("name"|"prefix");

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Narrowed shape of a MetricRule. */
                type $Shape = {
                  name?: string|null;
                  prefix?: string|null;
                  intervalMs?: number|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ match?: undefined; name?: null; prefix?: null }|{ match?: "name"; name: string; prefix?: null }|{ match?: "prefix"; name?: null; prefix: string })
                );
            }

            /**
             * Properties of a SignalRule.
             * @deprecated Use sonde.collect.v1.SignalRule.$Properties instead.
             */
            interface ISignalRule extends sonde.collect.v1.SignalRule.$Properties {
            }

            /** Represents a SignalRule. */
            class SignalRule {

                /**
                 * Constructs a new SignalRule.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.SignalRule.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** SignalRule enabled. */
                enabled: boolean;

                /** SignalRule sampling. */
                sampling: number;

                /** SignalRule intervalMs. */
                intervalMs: number;

                /**
                 * Creates a new SignalRule instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SignalRule instance
                 */
                static create(properties: sonde.collect.v1.SignalRule.$Shape): sonde.collect.v1.SignalRule & sonde.collect.v1.SignalRule.$Shape;
                static create(properties?: sonde.collect.v1.SignalRule.$Properties): sonde.collect.v1.SignalRule;

                /**
                 * Encodes the specified SignalRule message. Does not implicitly {@link sonde.collect.v1.SignalRule.verify|verify} messages.
                 * @param message SignalRule message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.SignalRule.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SignalRule message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SignalRule & sonde.collect.v1.SignalRule.$Shape} SignalRule
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.SignalRule & sonde.collect.v1.SignalRule.$Shape;
            }

            namespace SignalRule {

                /** Properties of a SignalRule. */
                interface $Properties {

                    /** SignalRule enabled */
                    enabled?: (boolean|null);

                    /** SignalRule sampling */
                    sampling?: (number|null);

                    /** SignalRule intervalMs */
                    intervalMs?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a SignalRule. */
                type $Shape = sonde.collect.v1.SignalRule.$Properties;
            }

            /**
             * Properties of an Ack.
             * @deprecated Use sonde.collect.v1.Ack.$Properties instead.
             */
            interface IAck extends sonde.collect.v1.Ack.$Properties {
            }

            /** Represents an Ack. */
            class Ack {

                /**
                 * Constructs a new Ack.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Ack.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Ack seq. */
                seq: number;

                /**
                 * Creates a new Ack instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Ack instance
                 */
                static create(properties: sonde.collect.v1.Ack.$Shape): sonde.collect.v1.Ack & sonde.collect.v1.Ack.$Shape;
                static create(properties?: sonde.collect.v1.Ack.$Properties): sonde.collect.v1.Ack;

                /**
                 * Encodes the specified Ack message. Does not implicitly {@link sonde.collect.v1.Ack.verify|verify} messages.
                 * @param message Ack message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Ack message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Ack & sonde.collect.v1.Ack.$Shape} Ack
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Ack & sonde.collect.v1.Ack.$Shape;
            }

            namespace Ack {

                /** Properties of an Ack. */
                interface $Properties {

                    /** Ack seq */
                    seq?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of an Ack. */
                type $Shape = sonde.collect.v1.Ack.$Properties;
            }

            /**
             * Properties of a Throttle.
             * @deprecated Use sonde.collect.v1.Throttle.$Properties instead.
             */
            interface IThrottle extends sonde.collect.v1.Throttle.$Properties {
            }

            /** Represents a Throttle. */
            class Throttle {

                /**
                 * Constructs a new Throttle.
                 * @param [properties] Properties to set
                 */
                constructor(properties?: sonde.collect.v1.Throttle.$Properties);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];

                /** Throttle minIntervalMs. */
                minIntervalMs: number;

                /** Throttle durationMs. */
                durationMs: number;

                /**
                 * Creates a new Throttle instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Throttle instance
                 */
                static create(properties: sonde.collect.v1.Throttle.$Shape): sonde.collect.v1.Throttle & sonde.collect.v1.Throttle.$Shape;
                static create(properties?: sonde.collect.v1.Throttle.$Properties): sonde.collect.v1.Throttle;

                /**
                 * Encodes the specified Throttle message. Does not implicitly {@link sonde.collect.v1.Throttle.verify|verify} messages.
                 * @param message Throttle message or plain object to encode
                 * @param [writer] Writer to encode to
                 * @returns Writer
                 */
                static encode(message: sonde.collect.v1.Throttle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Throttle message from the specified reader or buffer.
                 * @param reader Reader or buffer to decode from
                 * @param [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Throttle & sonde.collect.v1.Throttle.$Shape} Throttle
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sonde.collect.v1.Throttle & sonde.collect.v1.Throttle.$Shape;
            }

            namespace Throttle {

                /** Properties of a Throttle. */
                interface $Properties {

                    /** Throttle minIntervalMs */
                    minIntervalMs?: (number|null);

                    /** Throttle durationMs */
                    durationMs?: (number|null);

                    /** Unknown fields preserved while decoding when enabled */
                    $unknowns?: Uint8Array[];
                }

                /** Shape of a Throttle. */
                type $Shape = sonde.collect.v1.Throttle.$Properties;
            }
        }
    }
}
