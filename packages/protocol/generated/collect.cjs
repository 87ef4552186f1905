/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
var $root = $protobuf.roots["sonde_collect"] || ($protobuf.roots["sonde_collect"] = {});

$root.sonde = (function() {

    /**
     * Namespace sonde.
     * @exports sonde
     * @namespace
     */
    var sonde = {};

    sonde.collect = (function() {

        /**
         * Namespace collect.
         * @memberof sonde
         * @namespace
         */
        var collect = {};

        collect.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof sonde.collect
             * @namespace
             */
            var v1 = {};

            v1.ClientMessage = (function() {

                /**
                 * Properties of a ClientMessage.
                 * @typedef {Object} sonde.collect.v1.ClientMessage.$Properties
                 * @property {sonde.collect.v1.Announce.$Properties|null} [announce] ClientMessage announce
                 * @property {sonde.collect.v1.Define.$Properties|null} [define] ClientMessage define
                 * @property {sonde.collect.v1.Batch.$Properties|null} [batch] ClientMessage batch
                 * @property {"announce"|"define"|"batch"} [body] ClientMessage body
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ClientMessage.
                 * @memberof sonde.collect.v1
                 * @interface IClientMessage
                 * @augments sonde.collect.v1.ClientMessage.$Properties
                 * @deprecated Use sonde.collect.v1.ClientMessage.$Properties instead.
                 */

                /**
                 * Narrowed shape of a ClientMessage.
                 * @typedef {{
                 *   announce?: sonde.collect.v1.Announce.$Shape|null;
                 *   define?: sonde.collect.v1.Define.$Shape|null;
                 *   batch?: sonde.collect.v1.Batch.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ body?: undefined; announce?: null; define?: null; batch?: null }|{ body?: "announce"; announce: sonde.collect.v1.Announce.$Shape; define?: null; batch?: null }|{ body?: "define"; announce?: null; define: sonde.collect.v1.Define.$Shape; batch?: null }|{ body?: "batch"; announce?: null; define?: null; batch: sonde.collect.v1.Batch.$Shape })
                 * )} sonde.collect.v1.ClientMessage.$Shape
                 */

                /**
                 * Constructs a new ClientMessage.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a ClientMessage.
                 * @constructor
                 * @param {sonde.collect.v1.ClientMessage.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var ClientMessage = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ClientMessage announce.
                 * @member {sonde.collect.v1.Announce.$Properties|null|undefined} announce
                 * @memberof sonde.collect.v1.ClientMessage
                 * @instance
                 */
                ClientMessage.prototype.announce = null;

                /**
                 * ClientMessage define.
                 * @member {sonde.collect.v1.Define.$Properties|null|undefined} define
                 * @memberof sonde.collect.v1.ClientMessage
                 * @instance
                 */
                ClientMessage.prototype.define = null;

                /**
                 * ClientMessage batch.
                 * @member {sonde.collect.v1.Batch.$Properties|null|undefined} batch
                 * @memberof sonde.collect.v1.ClientMessage
                 * @instance
                 */
                ClientMessage.prototype.batch = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                /**
                 * ClientMessage body.
                 * @member {"announce"|"define"|"batch"|undefined} body
                 * @memberof sonde.collect.v1.ClientMessage
                 * @instance
                 */
                $Object.defineProperty(ClientMessage.prototype, "body", {
                    get: $util.oneOfGetter($oneOfFields = ["announce", "define", "batch"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new ClientMessage instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.ClientMessage
                 * @static
                 * @param {sonde.collect.v1.ClientMessage.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.ClientMessage} ClientMessage instance
                 * @type {{
                 *   (properties: sonde.collect.v1.ClientMessage.$Shape): sonde.collect.v1.ClientMessage & sonde.collect.v1.ClientMessage.$Shape;
                 *   (properties?: sonde.collect.v1.ClientMessage.$Properties): sonde.collect.v1.ClientMessage;
                 * }}
                 */
                ClientMessage.create = function(properties) {
                    return new ClientMessage(properties);
                };

                /**
                 * Encodes the specified ClientMessage message. Does not implicitly {@link sonde.collect.v1.ClientMessage.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.ClientMessage
                 * @static
                 * @param {sonde.collect.v1.ClientMessage.$Properties} message ClientMessage message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ClientMessage.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.announce != null && $Object.hasOwnProperty.call(message, "announce"))
                        $root.sonde.collect.v1.Announce.encode(message.announce, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.define != null && $Object.hasOwnProperty.call(message, "define"))
                        $root.sonde.collect.v1.Define.encode(message.define, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.batch != null && $Object.hasOwnProperty.call(message, "batch"))
                        $root.sonde.collect.v1.Batch.encode(message.batch, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ClientMessage message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.ClientMessage
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.ClientMessage & sonde.collect.v1.ClientMessage.$Shape} ClientMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ClientMessage.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.ClientMessage();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                message.announce = $root.sonde.collect.v1.Announce.decode(reader, reader.size(), $undefined, _depth + 1, message.announce);
                                message.body = "announce";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.define = $root.sonde.collect.v1.Define.decode(reader, reader.size(), $undefined, _depth + 1, message.define);
                                message.body = "define";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.batch = $root.sonde.collect.v1.Batch.decode(reader, reader.size(), $undefined, _depth + 1, message.batch);
                                message.body = "batch";
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return ClientMessage;
            })();

            v1.ServerMessage = (function() {

                /**
                 * Properties of a ServerMessage.
                 * @typedef {Object} sonde.collect.v1.ServerMessage.$Properties
                 * @property {sonde.collect.v1.Policy.$Properties|null} [policy] ServerMessage policy
                 * @property {sonde.collect.v1.Ack.$Properties|null} [ack] ServerMessage ack
                 * @property {sonde.collect.v1.Throttle.$Properties|null} [throttle] ServerMessage throttle
                 * @property {"policy"|"ack"|"throttle"} [body] ServerMessage body
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ServerMessage.
                 * @memberof sonde.collect.v1
                 * @interface IServerMessage
                 * @augments sonde.collect.v1.ServerMessage.$Properties
                 * @deprecated Use sonde.collect.v1.ServerMessage.$Properties instead.
                 */

                /**
                 * Narrowed shape of a ServerMessage.
                 * @typedef {{
                 *   policy?: sonde.collect.v1.Policy.$Shape|null;
                 *   ack?: sonde.collect.v1.Ack.$Shape|null;
                 *   throttle?: sonde.collect.v1.Throttle.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ body?: undefined; policy?: null; ack?: null; throttle?: null }|{ body?: "policy"; policy: sonde.collect.v1.Policy.$Shape; ack?: null; throttle?: null }|{ body?: "ack"; policy?: null; ack: sonde.collect.v1.Ack.$Shape; throttle?: null }|{ body?: "throttle"; policy?: null; ack?: null; throttle: sonde.collect.v1.Throttle.$Shape })
                 * )} sonde.collect.v1.ServerMessage.$Shape
                 */

                /**
                 * Constructs a new ServerMessage.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a ServerMessage.
                 * @constructor
                 * @param {sonde.collect.v1.ServerMessage.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var ServerMessage = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ServerMessage policy.
                 * @member {sonde.collect.v1.Policy.$Properties|null|undefined} policy
                 * @memberof sonde.collect.v1.ServerMessage
                 * @instance
                 */
                ServerMessage.prototype.policy = null;

                /**
                 * ServerMessage ack.
                 * @member {sonde.collect.v1.Ack.$Properties|null|undefined} ack
                 * @memberof sonde.collect.v1.ServerMessage
                 * @instance
                 */
                ServerMessage.prototype.ack = null;

                /**
                 * ServerMessage throttle.
                 * @member {sonde.collect.v1.Throttle.$Properties|null|undefined} throttle
                 * @memberof sonde.collect.v1.ServerMessage
                 * @instance
                 */
                ServerMessage.prototype.throttle = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                /**
                 * ServerMessage body.
                 * @member {"policy"|"ack"|"throttle"|undefined} body
                 * @memberof sonde.collect.v1.ServerMessage
                 * @instance
                 */
                $Object.defineProperty(ServerMessage.prototype, "body", {
                    get: $util.oneOfGetter($oneOfFields = ["policy", "ack", "throttle"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new ServerMessage instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.ServerMessage
                 * @static
                 * @param {sonde.collect.v1.ServerMessage.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.ServerMessage} ServerMessage instance
                 * @type {{
                 *   (properties: sonde.collect.v1.ServerMessage.$Shape): sonde.collect.v1.ServerMessage & sonde.collect.v1.ServerMessage.$Shape;
                 *   (properties?: sonde.collect.v1.ServerMessage.$Properties): sonde.collect.v1.ServerMessage;
                 * }}
                 */
                ServerMessage.create = function(properties) {
                    return new ServerMessage(properties);
                };

                /**
                 * Encodes the specified ServerMessage message. Does not implicitly {@link sonde.collect.v1.ServerMessage.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.ServerMessage
                 * @static
                 * @param {sonde.collect.v1.ServerMessage.$Properties} message ServerMessage message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ServerMessage.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.policy != null && $Object.hasOwnProperty.call(message, "policy"))
                        $root.sonde.collect.v1.Policy.encode(message.policy, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                        $root.sonde.collect.v1.Ack.encode(message.ack, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.throttle != null && $Object.hasOwnProperty.call(message, "throttle"))
                        $root.sonde.collect.v1.Throttle.encode(message.throttle, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ServerMessage message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.ServerMessage
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.ServerMessage & sonde.collect.v1.ServerMessage.$Shape} ServerMessage
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ServerMessage.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.ServerMessage();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                message.policy = $root.sonde.collect.v1.Policy.decode(reader, reader.size(), $undefined, _depth + 1, message.policy);
                                message.body = "policy";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.ack = $root.sonde.collect.v1.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                                message.body = "ack";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.throttle = $root.sonde.collect.v1.Throttle.decode(reader, reader.size(), $undefined, _depth + 1, message.throttle);
                                message.body = "throttle";
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return ServerMessage;
            })();

            v1.Announce = (function() {

                /**
                 * Properties of an Announce.
                 * @typedef {Object} sonde.collect.v1.Announce.$Properties
                 * @property {string|null} [sessionId] Announce sessionId
                 * @property {number|null} [timeBaseUnixMs] Announce timeBaseUnixMs
                 * @property {string|null} [agent] Announce agent
                 * @property {sonde.collect.v1.ClientStats.$Properties|null} [stats] Announce stats
                 * @property {number|null} [ackedSeq] Announce ackedSeq
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Announce.
                 * @memberof sonde.collect.v1
                 * @interface IAnnounce
                 * @augments sonde.collect.v1.Announce.$Properties
                 * @deprecated Use sonde.collect.v1.Announce.$Properties instead.
                 */

                /**
                 * Shape of an Announce.
                 * @typedef {sonde.collect.v1.Announce.$Properties} sonde.collect.v1.Announce.$Shape
                 */

                /**
                 * Constructs a new Announce.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents an Announce.
                 * @constructor
                 * @param {sonde.collect.v1.Announce.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Announce = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Announce sessionId.
                 * @member {string} sessionId
                 * @memberof sonde.collect.v1.Announce
                 * @instance
                 */
                Announce.prototype.sessionId = "";

                /**
                 * Announce timeBaseUnixMs.
                 * @member {number} timeBaseUnixMs
                 * @memberof sonde.collect.v1.Announce
                 * @instance
                 */
                Announce.prototype.timeBaseUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Announce agent.
                 * @member {string} agent
                 * @memberof sonde.collect.v1.Announce
                 * @instance
                 */
                Announce.prototype.agent = "";

                /**
                 * Announce stats.
                 * @member {sonde.collect.v1.ClientStats.$Properties|null|undefined} stats
                 * @memberof sonde.collect.v1.Announce
                 * @instance
                 */
                Announce.prototype.stats = null;

                /**
                 * Announce ackedSeq.
                 * @member {number} ackedSeq
                 * @memberof sonde.collect.v1.Announce
                 * @instance
                 */
                Announce.prototype.ackedSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Announce instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Announce
                 * @static
                 * @param {sonde.collect.v1.Announce.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Announce} Announce instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Announce.$Shape): sonde.collect.v1.Announce & sonde.collect.v1.Announce.$Shape;
                 *   (properties?: sonde.collect.v1.Announce.$Properties): sonde.collect.v1.Announce;
                 * }}
                 */
                Announce.create = function(properties) {
                    return new Announce(properties);
                };

                /**
                 * Encodes the specified Announce message. Does not implicitly {@link sonde.collect.v1.Announce.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Announce
                 * @static
                 * @param {sonde.collect.v1.Announce.$Properties} message Announce message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Announce.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.sessionId);
                    if (message.timeBaseUnixMs != null && $Object.hasOwnProperty.call(message, "timeBaseUnixMs") && (typeof message.timeBaseUnixMs === "object" ? message.timeBaseUnixMs.low || message.timeBaseUnixMs.high : message.timeBaseUnixMs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).int64(message.timeBaseUnixMs);
                    if (message.agent != null && $Object.hasOwnProperty.call(message, "agent") && message.agent !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.agent);
                    if (message.stats != null && $Object.hasOwnProperty.call(message, "stats"))
                        $root.sonde.collect.v1.ClientStats.encode(message.stats, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.ackedSeq != null && $Object.hasOwnProperty.call(message, "ackedSeq") && (typeof message.ackedSeq === "object" ? message.ackedSeq.low || message.ackedSeq.high : message.ackedSeq !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.ackedSeq);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Announce message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Announce
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Announce & sonde.collect.v1.Announce.$Shape} Announce
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Announce.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Announce();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.sessionId = value;
                                else
                                    delete message.sessionId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.timeBaseUnixMs = value;
                                else
                                    delete message.timeBaseUnixMs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.agent = value;
                                else
                                    delete message.agent;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.stats = $root.sonde.collect.v1.ClientStats.decode(reader, reader.size(), $undefined, _depth + 1, message.stats);
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.ackedSeq = value;
                                else
                                    delete message.ackedSeq;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Announce;
            })();

            v1.ClientStats = (function() {

                /**
                 * Properties of a ClientStats.
                 * @typedef {Object} sonde.collect.v1.ClientStats.$Properties
                 * @property {number|null} [droppedBatches] ClientStats droppedBatches
                 * @property {number|null} [droppedSamples] ClientStats droppedSamples
                 * @property {number|null} [droppedRecords] ClientStats droppedRecords
                 * @property {number|null} [reconnects] ClientStats reconnects
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a ClientStats.
                 * @memberof sonde.collect.v1
                 * @interface IClientStats
                 * @augments sonde.collect.v1.ClientStats.$Properties
                 * @deprecated Use sonde.collect.v1.ClientStats.$Properties instead.
                 */

                /**
                 * Shape of a ClientStats.
                 * @typedef {sonde.collect.v1.ClientStats.$Properties} sonde.collect.v1.ClientStats.$Shape
                 */

                /**
                 * Constructs a new ClientStats.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a ClientStats.
                 * @constructor
                 * @param {sonde.collect.v1.ClientStats.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var ClientStats = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ClientStats droppedBatches.
                 * @member {number} droppedBatches
                 * @memberof sonde.collect.v1.ClientStats
                 * @instance
                 */
                ClientStats.prototype.droppedBatches = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ClientStats droppedSamples.
                 * @member {number} droppedSamples
                 * @memberof sonde.collect.v1.ClientStats
                 * @instance
                 */
                ClientStats.prototype.droppedSamples = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ClientStats droppedRecords.
                 * @member {number} droppedRecords
                 * @memberof sonde.collect.v1.ClientStats
                 * @instance
                 */
                ClientStats.prototype.droppedRecords = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * ClientStats reconnects.
                 * @member {number} reconnects
                 * @memberof sonde.collect.v1.ClientStats
                 * @instance
                 */
                ClientStats.prototype.reconnects = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new ClientStats instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.ClientStats
                 * @static
                 * @param {sonde.collect.v1.ClientStats.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.ClientStats} ClientStats instance
                 * @type {{
                 *   (properties: sonde.collect.v1.ClientStats.$Shape): sonde.collect.v1.ClientStats & sonde.collect.v1.ClientStats.$Shape;
                 *   (properties?: sonde.collect.v1.ClientStats.$Properties): sonde.collect.v1.ClientStats;
                 * }}
                 */
                ClientStats.create = function(properties) {
                    return new ClientStats(properties);
                };

                /**
                 * Encodes the specified ClientStats message. Does not implicitly {@link sonde.collect.v1.ClientStats.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.ClientStats
                 * @static
                 * @param {sonde.collect.v1.ClientStats.$Properties} message ClientStats message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ClientStats.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.droppedBatches != null && $Object.hasOwnProperty.call(message, "droppedBatches") && (typeof message.droppedBatches === "object" ? message.droppedBatches.low || message.droppedBatches.high : message.droppedBatches !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.droppedBatches);
                    if (message.droppedSamples != null && $Object.hasOwnProperty.call(message, "droppedSamples") && (typeof message.droppedSamples === "object" ? message.droppedSamples.low || message.droppedSamples.high : message.droppedSamples !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.droppedSamples);
                    if (message.droppedRecords != null && $Object.hasOwnProperty.call(message, "droppedRecords") && (typeof message.droppedRecords === "object" ? message.droppedRecords.low || message.droppedRecords.high : message.droppedRecords !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.droppedRecords);
                    if (message.reconnects != null && $Object.hasOwnProperty.call(message, "reconnects") && (typeof message.reconnects === "object" ? message.reconnects.low || message.reconnects.high : message.reconnects !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.reconnects);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a ClientStats message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.ClientStats
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.ClientStats & sonde.collect.v1.ClientStats.$Shape} ClientStats
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ClientStats.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.ClientStats();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.droppedBatches = value;
                                else
                                    delete message.droppedBatches;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.droppedSamples = value;
                                else
                                    delete message.droppedSamples;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.droppedRecords = value;
                                else
                                    delete message.droppedRecords;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.reconnects = value;
                                else
                                    delete message.reconnects;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return ClientStats;
            })();

            v1.Identity = (function() {

                /**
                 * Properties of an Identity.
                 * @typedef {Object} sonde.collect.v1.Identity.$Properties
                 * @property {number|null} [id] Identity id
                 * @property {Object.<string,string>|null} [labels] Identity labels
                 * @property {number|null} [startTimeUnixNano] Identity startTimeUnixNano
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Identity.
                 * @memberof sonde.collect.v1
                 * @interface IIdentity
                 * @augments sonde.collect.v1.Identity.$Properties
                 * @deprecated Use sonde.collect.v1.Identity.$Properties instead.
                 */

                /**
                 * Shape of an Identity.
                 * @typedef {sonde.collect.v1.Identity.$Properties} sonde.collect.v1.Identity.$Shape
                 */

                /**
                 * Constructs a new Identity.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents an Identity.
                 * @constructor
                 * @param {sonde.collect.v1.Identity.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Identity = function (properties) {
                    this.labels = {};
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Identity id.
                 * @member {number} id
                 * @memberof sonde.collect.v1.Identity
                 * @instance
                 */
                Identity.prototype.id = 0;

                /**
                 * Identity labels.
                 * @member {Object.<string,string>} labels
                 * @memberof sonde.collect.v1.Identity
                 * @instance
                 */
                Identity.prototype.labels = $util.emptyObject;

                /**
                 * Identity startTimeUnixNano.
                 * @member {number} startTimeUnixNano
                 * @memberof sonde.collect.v1.Identity
                 * @instance
                 */
                Identity.prototype.startTimeUnixNano = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new Identity instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Identity
                 * @static
                 * @param {sonde.collect.v1.Identity.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Identity} Identity instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Identity.$Shape): sonde.collect.v1.Identity & sonde.collect.v1.Identity.$Shape;
                 *   (properties?: sonde.collect.v1.Identity.$Properties): sonde.collect.v1.Identity;
                 * }}
                 */
                Identity.create = function(properties) {
                    return new Identity(properties);
                };

                /**
                 * Encodes the specified Identity message. Does not implicitly {@link sonde.collect.v1.Identity.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Identity
                 * @static
                 * @param {sonde.collect.v1.Identity.$Properties} message Identity message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Identity.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                    if (message.labels != null && $Object.hasOwnProperty.call(message, "labels"))
                        for (var keys = $Object.keys(message.labels), i = 0; i < keys.length; ++i)
                            writer.uint32(/* id 2, wireType 2 =*/18).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.labels[keys[i]]).ldelim();
                    if (message.startTimeUnixNano != null && $Object.hasOwnProperty.call(message, "startTimeUnixNano") && (typeof message.startTimeUnixNano === "object" ? message.startTimeUnixNano.low || message.startTimeUnixNano.high : message.startTimeUnixNano !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).int64(message.startTimeUnixNano);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Identity message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Identity
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Identity & sonde.collect.v1.Identity.$Shape} Identity
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Identity.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, key, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Identity();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (message.labels === $util.emptyObject)
                                    message.labels = {};
                                var end2 = reader.size() + reader.pos;
                                if (end2 > reader.len)
                                    throw $RangeError("index out of range");
                                reader.len = end2;
                                key = "";
                                value = "";
                                while (reader.pos < end2) {
                                    var tag2 = reader.tag();
                                    wireType = tag2 & 7;
                                    switch (tag2 >>>= 3) {
                                    case 1:
                                        if (wireType !== 2)
                                            break;
                                        key = reader.stringVerify();
                                        continue;
                                    case 2:
                                        if (wireType !== 2)
                                            break;
                                        value = reader.stringVerify();
                                        continue;
                                    }
                                    reader.skipType(wireType, _depth, tag2);
                                }
                                if (reader.pos !== end2)
                                    throw $RangeError("index out of range");
                                reader.len = end;
                                if (key === "__proto__")
                                    $util.makeProp(message.labels, key);
                                message.labels[key] = value;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.startTimeUnixNano = value;
                                else
                                    delete message.startTimeUnixNano;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Identity;
            })();

            /**
             * MetricKind enum.
             * @name sonde.collect.v1.MetricKind
             * @enum {number}
             * @property {number} METRIC_KIND_UNSPECIFIED=0 METRIC_KIND_UNSPECIFIED value
             * @property {number} METRIC_KIND_CONSTANT=1 METRIC_KIND_CONSTANT value
             * @property {number} METRIC_KIND_GAUGE=2 METRIC_KIND_GAUGE value
             * @property {number} METRIC_KIND_COUNTER=3 METRIC_KIND_COUNTER value
             * @property {number} METRIC_KIND_DISTRIBUTION=4 METRIC_KIND_DISTRIBUTION value
             */
            v1.MetricKind = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "METRIC_KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "METRIC_KIND_CONSTANT"] = 1;
                values[valuesById[2] = "METRIC_KIND_GAUGE"] = 2;
                values[valuesById[3] = "METRIC_KIND_COUNTER"] = 3;
                values[valuesById[4] = "METRIC_KIND_DISTRIBUTION"] = 4;
                return values;
            })();

            /**
             * ValueType enum.
             * @name sonde.collect.v1.ValueType
             * @enum {number}
             * @property {number} VALUE_TYPE_UNSPECIFIED=0 VALUE_TYPE_UNSPECIFIED value
             * @property {number} VALUE_TYPE_INT=1 VALUE_TYPE_INT value
             * @property {number} VALUE_TYPE_DOUBLE=2 VALUE_TYPE_DOUBLE value
             * @property {number} VALUE_TYPE_STRING=3 VALUE_TYPE_STRING value
             * @property {number} VALUE_TYPE_BOOL=4 VALUE_TYPE_BOOL value
             */
            v1.ValueType = (function() {
                var valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "VALUE_TYPE_UNSPECIFIED"] = 0;
                values[valuesById[1] = "VALUE_TYPE_INT"] = 1;
                values[valuesById[2] = "VALUE_TYPE_DOUBLE"] = 2;
                values[valuesById[3] = "VALUE_TYPE_STRING"] = 3;
                values[valuesById[4] = "VALUE_TYPE_BOOL"] = 4;
                return values;
            })();

            v1.MetricDefinition = (function() {

                /**
                 * Properties of a MetricDefinition.
                 * @typedef {Object} sonde.collect.v1.MetricDefinition.$Properties
                 * @property {number|null} [id] MetricDefinition id
                 * @property {string|null} [name] MetricDefinition name
                 * @property {sonde.collect.v1.MetricKind|null} [kind] MetricDefinition kind
                 * @property {sonde.collect.v1.ValueType|null} [valueType] MetricDefinition valueType
                 * @property {string|null} [description] MetricDefinition description
                 * @property {string|null} [unit] MetricDefinition unit
                 * @property {string|null} [owner] MetricDefinition owner
                 * @property {string|null} [stability] MetricDefinition stability
                 * @property {string|null} [sourceFile] MetricDefinition sourceFile
                 * @property {number|null} [sourceLine] MetricDefinition sourceLine
                 * @property {Array.<string>|null} [tagNames] MetricDefinition tagNames
                 * @property {Array.<number>|null} [bounds] MetricDefinition bounds
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a MetricDefinition.
                 * @memberof sonde.collect.v1
                 * @interface IMetricDefinition
                 * @augments sonde.collect.v1.MetricDefinition.$Properties
                 * @deprecated Use sonde.collect.v1.MetricDefinition.$Properties instead.
                 */

                /**
                 * Shape of a MetricDefinition.
                 * @typedef {sonde.collect.v1.MetricDefinition.$Properties} sonde.collect.v1.MetricDefinition.$Shape
                 */

                /**
                 * Constructs a new MetricDefinition.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a MetricDefinition.
                 * @constructor
                 * @param {sonde.collect.v1.MetricDefinition.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var MetricDefinition = function (properties) {
                    this.tagNames = [];
                    this.bounds = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * MetricDefinition id.
                 * @member {number} id
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.id = 0;

                /**
                 * MetricDefinition name.
                 * @member {string} name
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.name = "";

                /**
                 * MetricDefinition kind.
                 * @member {sonde.collect.v1.MetricKind} kind
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.kind = 0;

                /**
                 * MetricDefinition valueType.
                 * @member {sonde.collect.v1.ValueType} valueType
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.valueType = 0;

                /**
                 * MetricDefinition description.
                 * @member {string} description
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.description = "";

                /**
                 * MetricDefinition unit.
                 * @member {string} unit
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.unit = "";

                /**
                 * MetricDefinition owner.
                 * @member {string} owner
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.owner = "";

                /**
                 * MetricDefinition stability.
                 * @member {string} stability
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.stability = "";

                /**
                 * MetricDefinition sourceFile.
                 * @member {string} sourceFile
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.sourceFile = "";

                /**
                 * MetricDefinition sourceLine.
                 * @member {number} sourceLine
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.sourceLine = 0;

                /**
                 * MetricDefinition tagNames.
                 * @member {Array.<string>} tagNames
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.tagNames = $util.emptyArray;

                /**
                 * MetricDefinition bounds.
                 * @member {Array.<number>} bounds
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @instance
                 */
                MetricDefinition.prototype.bounds = $util.emptyArray;

                /**
                 * Creates a new MetricDefinition instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @static
                 * @param {sonde.collect.v1.MetricDefinition.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.MetricDefinition} MetricDefinition instance
                 * @type {{
                 *   (properties: sonde.collect.v1.MetricDefinition.$Shape): sonde.collect.v1.MetricDefinition & sonde.collect.v1.MetricDefinition.$Shape;
                 *   (properties?: sonde.collect.v1.MetricDefinition.$Properties): sonde.collect.v1.MetricDefinition;
                 * }}
                 */
                MetricDefinition.create = function(properties) {
                    return new MetricDefinition(properties);
                };

                /**
                 * Encodes the specified MetricDefinition message. Does not implicitly {@link sonde.collect.v1.MetricDefinition.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @static
                 * @param {sonde.collect.v1.MetricDefinition.$Properties} message MetricDefinition message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                MetricDefinition.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.name);
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).int32(message.kind);
                    if (message.valueType != null && $Object.hasOwnProperty.call(message, "valueType") && message.valueType !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).int32(message.valueType);
                    if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.description);
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.unit);
                    if (message.owner != null && $Object.hasOwnProperty.call(message, "owner") && message.owner !== "")
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.owner);
                    if (message.stability != null && $Object.hasOwnProperty.call(message, "stability") && message.stability !== "")
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.stability);
                    if (message.sourceFile != null && $Object.hasOwnProperty.call(message, "sourceFile") && message.sourceFile !== "")
                        writer.uint32(/* id 9, wireType 2 =*/74).string(message.sourceFile);
                    if (message.sourceLine != null && $Object.hasOwnProperty.call(message, "sourceLine") && message.sourceLine !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.sourceLine);
                    if (message.tagNames != null && message.tagNames.length)
                        for (var i = 0; i < message.tagNames.length; ++i)
                            writer.uint32(/* id 11, wireType 2 =*/90).string(message.tagNames[i]);
                    if (message.bounds != null && message.bounds.length)
                        writer.uint32(/* id 12, wireType 2 =*/98).doubles(message.bounds);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a MetricDefinition message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.MetricDefinition
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.MetricDefinition & sonde.collect.v1.MetricDefinition.$Shape} MetricDefinition
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                MetricDefinition.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.MetricDefinition();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.name = value;
                                else
                                    delete message.name;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.valueType = value;
                                else
                                    delete message.valueType;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.description = value;
                                else
                                    delete message.description;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.unit = value;
                                else
                                    delete message.unit;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.owner = value;
                                else
                                    delete message.owner;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.stability = value;
                                else
                                    delete message.stability;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.sourceFile = value;
                                else
                                    delete message.sourceFile;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.sourceLine = value;
                                else
                                    delete message.sourceLine;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.tagNames && message.tagNames.length))
                                    message.tagNames = [];
                                message.tagNames.push(reader.stringVerify());
                                continue;
                            }
                        case 12: {
                                if (wireType === 2) {
                                    if (!(message.bounds && message.bounds.length))
                                        message.bounds = [];
                                    reader.doubles(message.bounds);
                                    continue;
                                }
                                if (wireType !== 1)
                                    break;
                                if (!(message.bounds && message.bounds.length))
                                    message.bounds = [];
                                message.bounds.push(reader.double());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return MetricDefinition;
            })();

            v1.TagValue = (function() {

                /**
                 * Properties of a TagValue.
                 * @typedef {Object} sonde.collect.v1.TagValue.$Properties
                 * @property {string|null} [stringValue] TagValue stringValue
                 * @property {number|null} [intValue] TagValue intValue
                 * @property {boolean|null} [boolValue] TagValue boolValue
                 * @property {"stringValue"|"intValue"|"boolValue"} [value] TagValue value
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TagValue.
                 * @memberof sonde.collect.v1
                 * @interface ITagValue
                 * @augments sonde.collect.v1.TagValue.$Properties
                 * @deprecated Use sonde.collect.v1.TagValue.$Properties instead.
                 */

                /**
                 * Narrowed shape of a TagValue.
                 * @typedef {{
                 *   stringValue?: string|null;
                 *   intValue?: number|null;
                 *   boolValue?: boolean|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ value?: undefined; stringValue?: null; intValue?: null; boolValue?: null }|{ value?: "stringValue"; stringValue: string; intValue?: null; boolValue?: null }|{ value?: "intValue"; stringValue?: null; intValue: number; boolValue?: null }|{ value?: "boolValue"; stringValue?: null; intValue?: null; boolValue: boolean })
                 * )} sonde.collect.v1.TagValue.$Shape
                 */

                /**
                 * Constructs a new TagValue.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a TagValue.
                 * @constructor
                 * @param {sonde.collect.v1.TagValue.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var TagValue = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * TagValue stringValue.
                 * @member {string|null|undefined} stringValue
                 * @memberof sonde.collect.v1.TagValue
                 * @instance
                 */
                TagValue.prototype.stringValue = null;

                /**
                 * TagValue intValue.
                 * @member {number|null|undefined} intValue
                 * @memberof sonde.collect.v1.TagValue
                 * @instance
                 */
                TagValue.prototype.intValue = null;

                /**
                 * TagValue boolValue.
                 * @member {boolean|null|undefined} boolValue
                 * @memberof sonde.collect.v1.TagValue
                 * @instance
                 */
                TagValue.prototype.boolValue = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                /**
                 * TagValue value.
                 * @member {"stringValue"|"intValue"|"boolValue"|undefined} value
                 * @memberof sonde.collect.v1.TagValue
                 * @instance
                 */
                $Object.defineProperty(TagValue.prototype, "value", {
                    get: $util.oneOfGetter($oneOfFields = ["stringValue", "intValue", "boolValue"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new TagValue instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.TagValue
                 * @static
                 * @param {sonde.collect.v1.TagValue.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.TagValue} TagValue instance
                 * @type {{
                 *   (properties: sonde.collect.v1.TagValue.$Shape): sonde.collect.v1.TagValue & sonde.collect.v1.TagValue.$Shape;
                 *   (properties?: sonde.collect.v1.TagValue.$Properties): sonde.collect.v1.TagValue;
                 * }}
                 */
                TagValue.create = function(properties) {
                    return new TagValue(properties);
                };

                /**
                 * Encodes the specified TagValue message. Does not implicitly {@link sonde.collect.v1.TagValue.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.TagValue
                 * @static
                 * @param {sonde.collect.v1.TagValue.$Properties} message TagValue message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TagValue.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue"))
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.stringValue);
                    if (message.intValue != null && $Object.hasOwnProperty.call(message, "intValue"))
                        writer.uint32(/* id 2, wireType 0 =*/16).sint64(message.intValue);
                    if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue"))
                        writer.uint32(/* id 3, wireType 0 =*/24).bool(message.boolValue);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TagValue message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.TagValue
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.TagValue & sonde.collect.v1.TagValue.$Shape} TagValue
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TagValue.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.TagValue();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                message.stringValue = reader.stringVerify();
                                message.value = "stringValue";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                message.intValue = reader.sint64();
                                message.value = "intValue";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                message.boolValue = reader.bool();
                                message.value = "boolValue";
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return TagValue;
            })();

            v1.SeriesDefinition = (function() {

                /**
                 * Properties of a SeriesDefinition.
                 * @typedef {Object} sonde.collect.v1.SeriesDefinition.$Properties
                 * @property {number|null} [id] SeriesDefinition id
                 * @property {number|null} [metricId] SeriesDefinition metricId
                 * @property {number|null} [identityId] SeriesDefinition identityId
                 * @property {Array.<sonde.collect.v1.TagValue.$Properties>|null} [tagValues] SeriesDefinition tagValues
                 * @property {number|null} [startTimeUnixNano] SeriesDefinition startTimeUnixNano
                 * @property {boolean|null} [overflow] SeriesDefinition overflow
                 * @property {Array.<number>|null} [bounds] SeriesDefinition bounds
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SeriesDefinition.
                 * @memberof sonde.collect.v1
                 * @interface ISeriesDefinition
                 * @augments sonde.collect.v1.SeriesDefinition.$Properties
                 * @deprecated Use sonde.collect.v1.SeriesDefinition.$Properties instead.
                 */

                /**
                 * Shape of a SeriesDefinition.
                 * @typedef {{
                 *   id?: number|null;
                 *   metricId?: number|null;
                 *   identityId?: number|null;
                 *   tagValues?: Array.<sonde.collect.v1.TagValue.$Shape>|null;
                 *   startTimeUnixNano?: number|null;
                 *   overflow?: boolean|null;
                 *   bounds?: Array.<number>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.SeriesDefinition.$Shape
                 */

                /**
                 * Constructs a new SeriesDefinition.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a SeriesDefinition.
                 * @constructor
                 * @param {sonde.collect.v1.SeriesDefinition.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var SeriesDefinition = function (properties) {
                    this.tagValues = [];
                    this.bounds = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SeriesDefinition id.
                 * @member {number} id
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @instance
                 */
                SeriesDefinition.prototype.id = 0;

                /**
                 * SeriesDefinition metricId.
                 * @member {number} metricId
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @instance
                 */
                SeriesDefinition.prototype.metricId = 0;

                /**
                 * SeriesDefinition identityId.
                 * @member {number} identityId
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @instance
                 */
                SeriesDefinition.prototype.identityId = 0;

                /**
                 * SeriesDefinition tagValues.
                 * @member {Array.<sonde.collect.v1.TagValue.$Properties>} tagValues
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @instance
                 */
                SeriesDefinition.prototype.tagValues = $util.emptyArray;

                /**
                 * SeriesDefinition startTimeUnixNano.
                 * @member {number} startTimeUnixNano
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @instance
                 */
                SeriesDefinition.prototype.startTimeUnixNano = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * SeriesDefinition overflow.
                 * @member {boolean} overflow
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @instance
                 */
                SeriesDefinition.prototype.overflow = false;

                /**
                 * SeriesDefinition bounds.
                 * @member {Array.<number>} bounds
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @instance
                 */
                SeriesDefinition.prototype.bounds = $util.emptyArray;

                /**
                 * Creates a new SeriesDefinition instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @static
                 * @param {sonde.collect.v1.SeriesDefinition.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.SeriesDefinition} SeriesDefinition instance
                 * @type {{
                 *   (properties: sonde.collect.v1.SeriesDefinition.$Shape): sonde.collect.v1.SeriesDefinition & sonde.collect.v1.SeriesDefinition.$Shape;
                 *   (properties?: sonde.collect.v1.SeriesDefinition.$Properties): sonde.collect.v1.SeriesDefinition;
                 * }}
                 */
                SeriesDefinition.create = function(properties) {
                    return new SeriesDefinition(properties);
                };

                /**
                 * Encodes the specified SeriesDefinition message. Does not implicitly {@link sonde.collect.v1.SeriesDefinition.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @static
                 * @param {sonde.collect.v1.SeriesDefinition.$Properties} message SeriesDefinition message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SeriesDefinition.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.id);
                    if (message.metricId != null && $Object.hasOwnProperty.call(message, "metricId") && message.metricId !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.metricId);
                    if (message.identityId != null && $Object.hasOwnProperty.call(message, "identityId") && message.identityId !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.identityId);
                    if (message.tagValues != null && message.tagValues.length)
                        for (var i = 0; i < message.tagValues.length; ++i)
                            $root.sonde.collect.v1.TagValue.encode(message.tagValues[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.startTimeUnixNano != null && $Object.hasOwnProperty.call(message, "startTimeUnixNano") && (typeof message.startTimeUnixNano === "object" ? message.startTimeUnixNano.low || message.startTimeUnixNano.high : message.startTimeUnixNano !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).int64(message.startTimeUnixNano);
                    if (message.overflow != null && $Object.hasOwnProperty.call(message, "overflow") && message.overflow !== false)
                        writer.uint32(/* id 6, wireType 0 =*/48).bool(message.overflow);
                    if (message.bounds != null && message.bounds.length)
                        writer.uint32(/* id 7, wireType 2 =*/58).doubles(message.bounds);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SeriesDefinition message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.SeriesDefinition
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SeriesDefinition & sonde.collect.v1.SeriesDefinition.$Shape} SeriesDefinition
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SeriesDefinition.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.SeriesDefinition();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.metricId = value;
                                else
                                    delete message.metricId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.identityId = value;
                                else
                                    delete message.identityId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.tagValues && message.tagValues.length))
                                    message.tagValues = [];
                                message.tagValues.push($root.sonde.collect.v1.TagValue.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.startTimeUnixNano = value;
                                else
                                    delete message.startTimeUnixNano;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.overflow = value;
                                else
                                    delete message.overflow;
                                continue;
                            }
                        case 7: {
                                if (wireType === 2) {
                                    if (!(message.bounds && message.bounds.length))
                                        message.bounds = [];
                                    reader.doubles(message.bounds);
                                    continue;
                                }
                                if (wireType !== 1)
                                    break;
                                if (!(message.bounds && message.bounds.length))
                                    message.bounds = [];
                                message.bounds.push(reader.double());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return SeriesDefinition;
            })();

            v1.Define = (function() {

                /**
                 * Properties of a Define.
                 * @typedef {Object} sonde.collect.v1.Define.$Properties
                 * @property {Array.<sonde.collect.v1.Identity.$Properties>|null} [identities] Define identities
                 * @property {Array.<sonde.collect.v1.MetricDefinition.$Properties>|null} [metrics] Define metrics
                 * @property {Array.<sonde.collect.v1.SeriesDefinition.$Properties>|null} [series] Define series
                 * @property {number|null} [firstStringId] Define firstStringId
                 * @property {Array.<string>|null} [strings] Define strings
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Define.
                 * @memberof sonde.collect.v1
                 * @interface IDefine
                 * @augments sonde.collect.v1.Define.$Properties
                 * @deprecated Use sonde.collect.v1.Define.$Properties instead.
                 */

                /**
                 * Shape of a Define.
                 * @typedef {{
                 *   identities?: Array.<sonde.collect.v1.Identity.$Shape>|null;
                 *   metrics?: Array.<sonde.collect.v1.MetricDefinition.$Shape>|null;
                 *   series?: Array.<sonde.collect.v1.SeriesDefinition.$Shape>|null;
                 *   firstStringId?: number|null;
                 *   strings?: Array.<string>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.Define.$Shape
                 */

                /**
                 * Constructs a new Define.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a Define.
                 * @constructor
                 * @param {sonde.collect.v1.Define.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Define = function (properties) {
                    this.identities = [];
                    this.metrics = [];
                    this.series = [];
                    this.strings = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Define identities.
                 * @member {Array.<sonde.collect.v1.Identity.$Properties>} identities
                 * @memberof sonde.collect.v1.Define
                 * @instance
                 */
                Define.prototype.identities = $util.emptyArray;

                /**
                 * Define metrics.
                 * @member {Array.<sonde.collect.v1.MetricDefinition.$Properties>} metrics
                 * @memberof sonde.collect.v1.Define
                 * @instance
                 */
                Define.prototype.metrics = $util.emptyArray;

                /**
                 * Define series.
                 * @member {Array.<sonde.collect.v1.SeriesDefinition.$Properties>} series
                 * @memberof sonde.collect.v1.Define
                 * @instance
                 */
                Define.prototype.series = $util.emptyArray;

                /**
                 * Define firstStringId.
                 * @member {number} firstStringId
                 * @memberof sonde.collect.v1.Define
                 * @instance
                 */
                Define.prototype.firstStringId = 0;

                /**
                 * Define strings.
                 * @member {Array.<string>} strings
                 * @memberof sonde.collect.v1.Define
                 * @instance
                 */
                Define.prototype.strings = $util.emptyArray;

                /**
                 * Creates a new Define instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Define
                 * @static
                 * @param {sonde.collect.v1.Define.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Define} Define instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Define.$Shape): sonde.collect.v1.Define & sonde.collect.v1.Define.$Shape;
                 *   (properties?: sonde.collect.v1.Define.$Properties): sonde.collect.v1.Define;
                 * }}
                 */
                Define.create = function(properties) {
                    return new Define(properties);
                };

                /**
                 * Encodes the specified Define message. Does not implicitly {@link sonde.collect.v1.Define.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Define
                 * @static
                 * @param {sonde.collect.v1.Define.$Properties} message Define message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Define.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.identities != null && message.identities.length)
                        for (var i = 0; i < message.identities.length; ++i)
                            $root.sonde.collect.v1.Identity.encode(message.identities[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.metrics != null && message.metrics.length)
                        for (var i = 0; i < message.metrics.length; ++i)
                            $root.sonde.collect.v1.MetricDefinition.encode(message.metrics[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.series != null && message.series.length)
                        for (var i = 0; i < message.series.length; ++i)
                            $root.sonde.collect.v1.SeriesDefinition.encode(message.series[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.firstStringId != null && $Object.hasOwnProperty.call(message, "firstStringId") && message.firstStringId !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.firstStringId);
                    if (message.strings != null && message.strings.length)
                        for (var i = 0; i < message.strings.length; ++i)
                            writer.uint32(/* id 5, wireType 2 =*/42).string(message.strings[i]);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Define message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Define
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Define & sonde.collect.v1.Define.$Shape} Define
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Define.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Define();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.identities && message.identities.length))
                                    message.identities = [];
                                message.identities.push($root.sonde.collect.v1.Identity.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.metrics && message.metrics.length))
                                    message.metrics = [];
                                message.metrics.push($root.sonde.collect.v1.MetricDefinition.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.series && message.series.length))
                                    message.series = [];
                                message.series.push($root.sonde.collect.v1.SeriesDefinition.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.firstStringId = value;
                                else
                                    delete message.firstStringId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.strings && message.strings.length))
                                    message.strings = [];
                                message.strings.push(reader.stringVerify());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Define;
            })();

            v1.Batch = (function() {

                /**
                 * Properties of a Batch.
                 * @typedef {Object} sonde.collect.v1.Batch.$Properties
                 * @property {number|null} [seq] Batch seq
                 * @property {number|null} [rebaseUnixMs] Batch rebaseUnixMs
                 * @property {number|null} [timeOffsetMs] Batch timeOffsetMs
                 * @property {sonde.collect.v1.Define.$Properties|null} [define] Batch define
                 * @property {sonde.collect.v1.MetricSamples.$Properties|null} [metrics] Batch metrics
                 * @property {Array.<sonde.collect.v1.Span.$Properties>|null} [spans] Batch spans
                 * @property {sonde.collect.v1.ClientStats.$Properties|null} [stats] Batch stats
                 * @property {Array.<sonde.collect.v1.Record.$Properties>|null} [events] Batch events
                 * @property {Array.<sonde.collect.v1.Record.$Properties>|null} [logs] Batch logs
                 * @property {Array.<sonde.collect.v1.Record.$Properties>|null} [errors] Batch errors
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Batch.
                 * @memberof sonde.collect.v1
                 * @interface IBatch
                 * @augments sonde.collect.v1.Batch.$Properties
                 * @deprecated Use sonde.collect.v1.Batch.$Properties instead.
                 */

                /**
                 * Shape of a Batch.
                 * @typedef {{
                 *   seq?: number|null;
                 *   rebaseUnixMs?: number|null;
                 *   timeOffsetMs?: number|null;
                 *   define?: sonde.collect.v1.Define.$Shape|null;
                 *   metrics?: sonde.collect.v1.MetricSamples.$Shape|null;
                 *   spans?: Array.<sonde.collect.v1.Span.$Shape>|null;
                 *   stats?: sonde.collect.v1.ClientStats.$Shape|null;
                 *   events?: Array.<sonde.collect.v1.Record.$Shape>|null;
                 *   logs?: Array.<sonde.collect.v1.Record.$Shape>|null;
                 *   errors?: Array.<sonde.collect.v1.Record.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.Batch.$Shape
                 */

                /**
                 * Constructs a new Batch.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a Batch.
                 * @constructor
                 * @param {sonde.collect.v1.Batch.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Batch = function (properties) {
                    this.spans = [];
                    this.events = [];
                    this.logs = [];
                    this.errors = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Batch seq.
                 * @member {number} seq
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Batch rebaseUnixMs.
                 * @member {number} rebaseUnixMs
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.rebaseUnixMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Batch timeOffsetMs.
                 * @member {number} timeOffsetMs
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.timeOffsetMs = 0;

                /**
                 * Batch define.
                 * @member {sonde.collect.v1.Define.$Properties|null|undefined} define
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.define = null;

                /**
                 * Batch metrics.
                 * @member {sonde.collect.v1.MetricSamples.$Properties|null|undefined} metrics
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.metrics = null;

                /**
                 * Batch spans.
                 * @member {Array.<sonde.collect.v1.Span.$Properties>} spans
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.spans = $util.emptyArray;

                /**
                 * Batch stats.
                 * @member {sonde.collect.v1.ClientStats.$Properties|null|undefined} stats
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.stats = null;

                /**
                 * Batch events.
                 * @member {Array.<sonde.collect.v1.Record.$Properties>} events
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.events = $util.emptyArray;

                /**
                 * Batch logs.
                 * @member {Array.<sonde.collect.v1.Record.$Properties>} logs
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.logs = $util.emptyArray;

                /**
                 * Batch errors.
                 * @member {Array.<sonde.collect.v1.Record.$Properties>} errors
                 * @memberof sonde.collect.v1.Batch
                 * @instance
                 */
                Batch.prototype.errors = $util.emptyArray;

                /**
                 * Creates a new Batch instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Batch
                 * @static
                 * @param {sonde.collect.v1.Batch.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Batch} Batch instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Batch.$Shape): sonde.collect.v1.Batch & sonde.collect.v1.Batch.$Shape;
                 *   (properties?: sonde.collect.v1.Batch.$Properties): sonde.collect.v1.Batch;
                 * }}
                 */
                Batch.create = function(properties) {
                    return new Batch(properties);
                };

                /**
                 * Encodes the specified Batch message. Does not implicitly {@link sonde.collect.v1.Batch.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Batch
                 * @static
                 * @param {sonde.collect.v1.Batch.$Properties} message Batch message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Batch.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                    if (message.rebaseUnixMs != null && $Object.hasOwnProperty.call(message, "rebaseUnixMs") && (typeof message.rebaseUnixMs === "object" ? message.rebaseUnixMs.low || message.rebaseUnixMs.high : message.rebaseUnixMs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).int64(message.rebaseUnixMs);
                    if (message.timeOffsetMs != null && $Object.hasOwnProperty.call(message, "timeOffsetMs") && message.timeOffsetMs !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).sint32(message.timeOffsetMs);
                    if (message.define != null && $Object.hasOwnProperty.call(message, "define"))
                        $root.sonde.collect.v1.Define.encode(message.define, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.metrics != null && $Object.hasOwnProperty.call(message, "metrics"))
                        $root.sonde.collect.v1.MetricSamples.encode(message.metrics, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                    if (message.spans != null && message.spans.length)
                        for (var i = 0; i < message.spans.length; ++i)
                            $root.sonde.collect.v1.Span.encode(message.spans[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                    if (message.stats != null && $Object.hasOwnProperty.call(message, "stats"))
                        $root.sonde.collect.v1.ClientStats.encode(message.stats, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                    if (message.events != null && message.events.length)
                        for (var i = 0; i < message.events.length; ++i)
                            $root.sonde.collect.v1.Record.encode(message.events[i], writer.uint32(/* id 8, wireType 2 =*/66).fork(), _depth + 1).ldelim();
                    if (message.logs != null && message.logs.length)
                        for (var i = 0; i < message.logs.length; ++i)
                            $root.sonde.collect.v1.Record.encode(message.logs[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                    if (message.errors != null && message.errors.length)
                        for (var i = 0; i < message.errors.length; ++i)
                            $root.sonde.collect.v1.Record.encode(message.errors[i], writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Batch message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Batch
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Batch & sonde.collect.v1.Batch.$Shape} Batch
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Batch.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Batch();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.seq = value;
                                else
                                    delete message.seq;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                    message.rebaseUnixMs = value;
                                else
                                    delete message.rebaseUnixMs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.sint32())
                                    message.timeOffsetMs = value;
                                else
                                    delete message.timeOffsetMs;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.define = $root.sonde.collect.v1.Define.decode(reader, reader.size(), $undefined, _depth + 1, message.define);
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.metrics = $root.sonde.collect.v1.MetricSamples.decode(reader, reader.size(), $undefined, _depth + 1, message.metrics);
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.spans && message.spans.length))
                                    message.spans = [];
                                message.spans.push($root.sonde.collect.v1.Span.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.stats = $root.sonde.collect.v1.ClientStats.decode(reader, reader.size(), $undefined, _depth + 1, message.stats);
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.events && message.events.length))
                                    message.events = [];
                                message.events.push($root.sonde.collect.v1.Record.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.logs && message.logs.length))
                                    message.logs = [];
                                message.logs.push($root.sonde.collect.v1.Record.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.errors && message.errors.length))
                                    message.errors = [];
                                message.errors.push($root.sonde.collect.v1.Record.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Batch;
            })();

            v1.Record = (function() {

                /**
                 * Properties of a Record.
                 * @typedef {Object} sonde.collect.v1.Record.$Properties
                 * @property {number|null} [identityId] Record identityId
                 * @property {number|null} [timeOffsetNs] Record timeOffsetNs
                 * @property {Uint8Array|null} [traceId] Record traceId
                 * @property {Uint8Array|null} [spanId] Record spanId
                 * @property {Array.<sonde.collect.v1.Attribute.$Properties>|null} [attributes] Record attributes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Record.
                 * @memberof sonde.collect.v1
                 * @interface IRecord
                 * @augments sonde.collect.v1.Record.$Properties
                 * @deprecated Use sonde.collect.v1.Record.$Properties instead.
                 */

                /**
                 * Shape of a Record.
                 * @typedef {{
                 *   identityId?: number|null;
                 *   timeOffsetNs?: number|null;
                 *   traceId?: Uint8Array|null;
                 *   spanId?: Uint8Array|null;
                 *   attributes?: Array.<sonde.collect.v1.Attribute.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.Record.$Shape
                 */

                /**
                 * Constructs a new Record.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a Record.
                 * @constructor
                 * @param {sonde.collect.v1.Record.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Record = function (properties) {
                    this.attributes = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Record identityId.
                 * @member {number} identityId
                 * @memberof sonde.collect.v1.Record
                 * @instance
                 */
                Record.prototype.identityId = 0;

                /**
                 * Record timeOffsetNs.
                 * @member {number} timeOffsetNs
                 * @memberof sonde.collect.v1.Record
                 * @instance
                 */
                Record.prototype.timeOffsetNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Record traceId.
                 * @member {Uint8Array} traceId
                 * @memberof sonde.collect.v1.Record
                 * @instance
                 */
                Record.prototype.traceId = $util.newBuffer([]);

                /**
                 * Record spanId.
                 * @member {Uint8Array} spanId
                 * @memberof sonde.collect.v1.Record
                 * @instance
                 */
                Record.prototype.spanId = $util.newBuffer([]);

                /**
                 * Record attributes.
                 * @member {Array.<sonde.collect.v1.Attribute.$Properties>} attributes
                 * @memberof sonde.collect.v1.Record
                 * @instance
                 */
                Record.prototype.attributes = $util.emptyArray;

                /**
                 * Creates a new Record instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Record
                 * @static
                 * @param {sonde.collect.v1.Record.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Record} Record instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Record.$Shape): sonde.collect.v1.Record & sonde.collect.v1.Record.$Shape;
                 *   (properties?: sonde.collect.v1.Record.$Properties): sonde.collect.v1.Record;
                 * }}
                 */
                Record.create = function(properties) {
                    return new Record(properties);
                };

                /**
                 * Encodes the specified Record message. Does not implicitly {@link sonde.collect.v1.Record.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Record
                 * @static
                 * @param {sonde.collect.v1.Record.$Properties} message Record message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Record.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.identityId != null && $Object.hasOwnProperty.call(message, "identityId") && message.identityId !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.identityId);
                    if (message.timeOffsetNs != null && $Object.hasOwnProperty.call(message, "timeOffsetNs") && (typeof message.timeOffsetNs === "object" ? message.timeOffsetNs.low || message.timeOffsetNs.high : message.timeOffsetNs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).sint64(message.timeOffsetNs);
                    if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && message.traceId.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.traceId);
                    if (message.spanId != null && $Object.hasOwnProperty.call(message, "spanId") && message.spanId.length)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.spanId);
                    if (message.attributes != null && message.attributes.length)
                        for (var i = 0; i < message.attributes.length; ++i)
                            $root.sonde.collect.v1.Attribute.encode(message.attributes[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Record message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Record
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Record & sonde.collect.v1.Record.$Shape} Record
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Record.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Record();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.identityId = value;
                                else
                                    delete message.identityId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.timeOffsetNs = value;
                                else
                                    delete message.timeOffsetNs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.traceId = value;
                                else
                                    delete message.traceId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.spanId = value;
                                else
                                    delete message.spanId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.attributes && message.attributes.length))
                                    message.attributes = [];
                                message.attributes.push($root.sonde.collect.v1.Attribute.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Record;
            })();

            v1.MetricSamples = (function() {

                /**
                 * Properties of a MetricSamples.
                 * @typedef {Object} sonde.collect.v1.MetricSamples.$Properties
                 * @property {Array.<number>|null} [sampledMetrics] MetricSamples sampledMetrics
                 * @property {Array.<number>|null} [changed] MetricSamples changed
                 * @property {Uint8Array|null} [changedRice] MetricSamples changedRice
                 * @property {Array.<number>|null} [ints] MetricSamples ints
                 * @property {Array.<number>|null} [doubles] MetricSamples doubles
                 * @property {Array.<string>|null} [strings] MetricSamples strings
                 * @property {Array.<number>|null} [buckets] MetricSamples buckets
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a MetricSamples.
                 * @memberof sonde.collect.v1
                 * @interface IMetricSamples
                 * @augments sonde.collect.v1.MetricSamples.$Properties
                 * @deprecated Use sonde.collect.v1.MetricSamples.$Properties instead.
                 */

                /**
                 * Shape of a MetricSamples.
                 * @typedef {sonde.collect.v1.MetricSamples.$Properties} sonde.collect.v1.MetricSamples.$Shape
                 */

                /**
                 * Constructs a new MetricSamples.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a MetricSamples.
                 * @constructor
                 * @param {sonde.collect.v1.MetricSamples.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var MetricSamples = function (properties) {
                    this.sampledMetrics = [];
                    this.changed = [];
                    this.ints = [];
                    this.doubles = [];
                    this.strings = [];
                    this.buckets = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * MetricSamples sampledMetrics.
                 * @member {Array.<number>} sampledMetrics
                 * @memberof sonde.collect.v1.MetricSamples
                 * @instance
                 */
                MetricSamples.prototype.sampledMetrics = $util.emptyArray;

                /**
                 * MetricSamples changed.
                 * @member {Array.<number>} changed
                 * @memberof sonde.collect.v1.MetricSamples
                 * @instance
                 */
                MetricSamples.prototype.changed = $util.emptyArray;

                /**
                 * MetricSamples changedRice.
                 * @member {Uint8Array} changedRice
                 * @memberof sonde.collect.v1.MetricSamples
                 * @instance
                 */
                MetricSamples.prototype.changedRice = $util.newBuffer([]);

                /**
                 * MetricSamples ints.
                 * @member {Array.<number>} ints
                 * @memberof sonde.collect.v1.MetricSamples
                 * @instance
                 */
                MetricSamples.prototype.ints = $util.emptyArray;

                /**
                 * MetricSamples doubles.
                 * @member {Array.<number>} doubles
                 * @memberof sonde.collect.v1.MetricSamples
                 * @instance
                 */
                MetricSamples.prototype.doubles = $util.emptyArray;

                /**
                 * MetricSamples strings.
                 * @member {Array.<string>} strings
                 * @memberof sonde.collect.v1.MetricSamples
                 * @instance
                 */
                MetricSamples.prototype.strings = $util.emptyArray;

                /**
                 * MetricSamples buckets.
                 * @member {Array.<number>} buckets
                 * @memberof sonde.collect.v1.MetricSamples
                 * @instance
                 */
                MetricSamples.prototype.buckets = $util.emptyArray;

                /**
                 * Creates a new MetricSamples instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.MetricSamples
                 * @static
                 * @param {sonde.collect.v1.MetricSamples.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.MetricSamples} MetricSamples instance
                 * @type {{
                 *   (properties: sonde.collect.v1.MetricSamples.$Shape): sonde.collect.v1.MetricSamples & sonde.collect.v1.MetricSamples.$Shape;
                 *   (properties?: sonde.collect.v1.MetricSamples.$Properties): sonde.collect.v1.MetricSamples;
                 * }}
                 */
                MetricSamples.create = function(properties) {
                    return new MetricSamples(properties);
                };

                /**
                 * Encodes the specified MetricSamples message. Does not implicitly {@link sonde.collect.v1.MetricSamples.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.MetricSamples
                 * @static
                 * @param {sonde.collect.v1.MetricSamples.$Properties} message MetricSamples message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                MetricSamples.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.sampledMetrics != null && message.sampledMetrics.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).uint32s(message.sampledMetrics);
                    if (message.changed != null && message.changed.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).uint32s(message.changed);
                    if (message.ints != null && message.ints.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).sint64s(message.ints);
                    if (message.doubles != null && message.doubles.length)
                        writer.uint32(/* id 4, wireType 2 =*/34).doubles(message.doubles);
                    if (message.strings != null && message.strings.length)
                        for (var i = 0; i < message.strings.length; ++i)
                            writer.uint32(/* id 5, wireType 2 =*/42).string(message.strings[i]);
                    if (message.buckets != null && message.buckets.length)
                        writer.uint32(/* id 6, wireType 2 =*/50).uint32s(message.buckets);
                    if (message.changedRice != null && $Object.hasOwnProperty.call(message, "changedRice") && message.changedRice.length)
                        writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.changedRice);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a MetricSamples message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.MetricSamples
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.MetricSamples & sonde.collect.v1.MetricSamples.$Shape} MetricSamples
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                MetricSamples.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.MetricSamples();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType === 2) {
                                    if (!(message.sampledMetrics && message.sampledMetrics.length))
                                        message.sampledMetrics = [];
                                    reader.uint32s(message.sampledMetrics);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.sampledMetrics && message.sampledMetrics.length))
                                    message.sampledMetrics = [];
                                message.sampledMetrics.push(reader.uint32());
                                continue;
                            }
                        case 2: {
                                if (wireType === 2) {
                                    if (!(message.changed && message.changed.length))
                                        message.changed = [];
                                    reader.uint32s(message.changed);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.changed && message.changed.length))
                                    message.changed = [];
                                message.changed.push(reader.uint32());
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.changedRice = value;
                                else
                                    delete message.changedRice;
                                continue;
                            }
                        case 3: {
                                if (wireType === 2) {
                                    if (!(message.ints && message.ints.length))
                                        message.ints = [];
                                    reader.sint64s(message.ints);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.ints && message.ints.length))
                                    message.ints = [];
                                message.ints.push(reader.sint64());
                                continue;
                            }
                        case 4: {
                                if (wireType === 2) {
                                    if (!(message.doubles && message.doubles.length))
                                        message.doubles = [];
                                    reader.doubles(message.doubles);
                                    continue;
                                }
                                if (wireType !== 1)
                                    break;
                                if (!(message.doubles && message.doubles.length))
                                    message.doubles = [];
                                message.doubles.push(reader.double());
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.strings && message.strings.length))
                                    message.strings = [];
                                message.strings.push(reader.stringVerify());
                                continue;
                            }
                        case 6: {
                                if (wireType === 2) {
                                    if (!(message.buckets && message.buckets.length))
                                        message.buckets = [];
                                    reader.uint32s(message.buckets);
                                    continue;
                                }
                                if (wireType !== 0)
                                    break;
                                if (!(message.buckets && message.buckets.length))
                                    message.buckets = [];
                                message.buckets.push(reader.uint32());
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return MetricSamples;
            })();

            v1.Span = (function() {

                /**
                 * Properties of a Span.
                 * @typedef {Object} sonde.collect.v1.Span.$Properties
                 * @property {Uint8Array|null} [traceId] Span traceId
                 * @property {Uint8Array|null} [spanId] Span spanId
                 * @property {Uint8Array|null} [parentSpanId] Span parentSpanId
                 * @property {number|null} [identityId] Span identityId
                 * @property {number|null} [name] Span name
                 * @property {number|null} [kind] Span kind
                 * @property {number|null} [startOffsetNs] Span startOffsetNs
                 * @property {number|null} [durationNs] Span durationNs
                 * @property {number|null} [statusCode] Span statusCode
                 * @property {number|null} [statusMessage] Span statusMessage
                 * @property {number|null} [traceState] Span traceState
                 * @property {number|null} [scope] Span scope
                 * @property {Array.<sonde.collect.v1.Attribute.$Properties>|null} [attributes] Span attributes
                 * @property {Array.<sonde.collect.v1.SpanEvent.$Properties>|null} [events] Span events
                 * @property {Array.<sonde.collect.v1.SpanLink.$Properties>|null} [links] Span links
                 * @property {string|null} [inlineName] Span inlineName
                 * @property {string|null} [inlineStatusMessage] Span inlineStatusMessage
                 * @property {string|null} [inlineTraceState] Span inlineTraceState
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Span.
                 * @memberof sonde.collect.v1
                 * @interface ISpan
                 * @augments sonde.collect.v1.Span.$Properties
                 * @deprecated Use sonde.collect.v1.Span.$Properties instead.
                 */

                /**
                 * Shape of a Span.
                 * @typedef {{
                 *   traceId?: Uint8Array|null;
                 *   spanId?: Uint8Array|null;
                 *   parentSpanId?: Uint8Array|null;
                 *   identityId?: number|null;
                 *   name?: number|null;
                 *   kind?: number|null;
                 *   startOffsetNs?: number|null;
                 *   durationNs?: number|null;
                 *   statusCode?: number|null;
                 *   statusMessage?: number|null;
                 *   traceState?: number|null;
                 *   scope?: number|null;
                 *   attributes?: Array.<sonde.collect.v1.Attribute.$Shape>|null;
                 *   events?: Array.<sonde.collect.v1.SpanEvent.$Shape>|null;
                 *   links?: Array.<sonde.collect.v1.SpanLink.$Shape>|null;
                 *   inlineName?: string|null;
                 *   inlineStatusMessage?: string|null;
                 *   inlineTraceState?: string|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.Span.$Shape
                 */

                /**
                 * Constructs a new Span.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a Span.
                 * @constructor
                 * @param {sonde.collect.v1.Span.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Span = function (properties) {
                    this.attributes = [];
                    this.events = [];
                    this.links = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Span traceId.
                 * @member {Uint8Array} traceId
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.traceId = $util.newBuffer([]);

                /**
                 * Span spanId.
                 * @member {Uint8Array} spanId
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.spanId = $util.newBuffer([]);

                /**
                 * Span parentSpanId.
                 * @member {Uint8Array} parentSpanId
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.parentSpanId = $util.newBuffer([]);

                /**
                 * Span identityId.
                 * @member {number} identityId
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.identityId = 0;

                /**
                 * Span name.
                 * @member {number} name
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.name = 0;

                /**
                 * Span kind.
                 * @member {number} kind
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.kind = 0;

                /**
                 * Span startOffsetNs.
                 * @member {number} startOffsetNs
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.startOffsetNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Span durationNs.
                 * @member {number} durationNs
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.durationNs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Span statusCode.
                 * @member {number} statusCode
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.statusCode = 0;

                /**
                 * Span statusMessage.
                 * @member {number} statusMessage
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.statusMessage = 0;

                /**
                 * Span traceState.
                 * @member {number} traceState
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.traceState = 0;

                /**
                 * Span scope.
                 * @member {number} scope
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.scope = 0;

                /**
                 * Span attributes.
                 * @member {Array.<sonde.collect.v1.Attribute.$Properties>} attributes
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.attributes = $util.emptyArray;

                /**
                 * Span events.
                 * @member {Array.<sonde.collect.v1.SpanEvent.$Properties>} events
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.events = $util.emptyArray;

                /**
                 * Span links.
                 * @member {Array.<sonde.collect.v1.SpanLink.$Properties>} links
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.links = $util.emptyArray;

                /**
                 * Span inlineName.
                 * @member {string} inlineName
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.inlineName = "";

                /**
                 * Span inlineStatusMessage.
                 * @member {string} inlineStatusMessage
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.inlineStatusMessage = "";

                /**
                 * Span inlineTraceState.
                 * @member {string} inlineTraceState
                 * @memberof sonde.collect.v1.Span
                 * @instance
                 */
                Span.prototype.inlineTraceState = "";

                /**
                 * Creates a new Span instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Span
                 * @static
                 * @param {sonde.collect.v1.Span.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Span} Span instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Span.$Shape): sonde.collect.v1.Span & sonde.collect.v1.Span.$Shape;
                 *   (properties?: sonde.collect.v1.Span.$Properties): sonde.collect.v1.Span;
                 * }}
                 */
                Span.create = function(properties) {
                    return new Span(properties);
                };

                /**
                 * Encodes the specified Span message. Does not implicitly {@link sonde.collect.v1.Span.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Span
                 * @static
                 * @param {sonde.collect.v1.Span.$Properties} message Span message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Span.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && message.traceId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.traceId);
                    if (message.spanId != null && $Object.hasOwnProperty.call(message, "spanId") && message.spanId.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.spanId);
                    if (message.parentSpanId != null && $Object.hasOwnProperty.call(message, "parentSpanId") && message.parentSpanId.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.parentSpanId);
                    if (message.identityId != null && $Object.hasOwnProperty.call(message, "identityId") && message.identityId !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.identityId);
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.name);
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.kind);
                    if (message.startOffsetNs != null && $Object.hasOwnProperty.call(message, "startOffsetNs") && (typeof message.startOffsetNs === "object" ? message.startOffsetNs.low || message.startOffsetNs.high : message.startOffsetNs !== 0))
                        writer.uint32(/* id 7, wireType 0 =*/56).sint64(message.startOffsetNs);
                    if (message.durationNs != null && $Object.hasOwnProperty.call(message, "durationNs") && (typeof message.durationNs === "object" ? message.durationNs.low || message.durationNs.high : message.durationNs !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.durationNs);
                    if (message.statusCode != null && $Object.hasOwnProperty.call(message, "statusCode") && message.statusCode !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.statusCode);
                    if (message.statusMessage != null && $Object.hasOwnProperty.call(message, "statusMessage") && message.statusMessage !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).uint32(message.statusMessage);
                    if (message.traceState != null && $Object.hasOwnProperty.call(message, "traceState") && message.traceState !== 0)
                        writer.uint32(/* id 11, wireType 0 =*/88).uint32(message.traceState);
                    if (message.scope != null && $Object.hasOwnProperty.call(message, "scope") && message.scope !== 0)
                        writer.uint32(/* id 12, wireType 0 =*/96).uint32(message.scope);
                    if (message.attributes != null && message.attributes.length)
                        for (var i = 0; i < message.attributes.length; ++i)
                            $root.sonde.collect.v1.Attribute.encode(message.attributes[i], writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                    if (message.events != null && message.events.length)
                        for (var i = 0; i < message.events.length; ++i)
                            $root.sonde.collect.v1.SpanEvent.encode(message.events[i], writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                    if (message.links != null && message.links.length)
                        for (var i = 0; i < message.links.length; ++i)
                            $root.sonde.collect.v1.SpanLink.encode(message.links[i], writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                    if (message.inlineName != null && $Object.hasOwnProperty.call(message, "inlineName") && message.inlineName !== "")
                        writer.uint32(/* id 16, wireType 2 =*/130).string(message.inlineName);
                    if (message.inlineStatusMessage != null && $Object.hasOwnProperty.call(message, "inlineStatusMessage") && message.inlineStatusMessage !== "")
                        writer.uint32(/* id 17, wireType 2 =*/138).string(message.inlineStatusMessage);
                    if (message.inlineTraceState != null && $Object.hasOwnProperty.call(message, "inlineTraceState") && message.inlineTraceState !== "")
                        writer.uint32(/* id 18, wireType 2 =*/146).string(message.inlineTraceState);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Span message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Span
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Span & sonde.collect.v1.Span.$Shape} Span
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Span.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Span();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.traceId = value;
                                else
                                    delete message.traceId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.spanId = value;
                                else
                                    delete message.spanId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.parentSpanId = value;
                                else
                                    delete message.parentSpanId;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.identityId = value;
                                else
                                    delete message.identityId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.name = value;
                                else
                                    delete message.name;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.startOffsetNs = value;
                                else
                                    delete message.startOffsetNs;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.durationNs = value;
                                else
                                    delete message.durationNs;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.statusCode = value;
                                else
                                    delete message.statusCode;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.statusMessage = value;
                                else
                                    delete message.statusMessage;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.traceState = value;
                                else
                                    delete message.traceState;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.scope = value;
                                else
                                    delete message.scope;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.attributes && message.attributes.length))
                                    message.attributes = [];
                                message.attributes.push($root.sonde.collect.v1.Attribute.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 14: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.events && message.events.length))
                                    message.events = [];
                                message.events.push($root.sonde.collect.v1.SpanEvent.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.links && message.links.length))
                                    message.links = [];
                                message.links.push($root.sonde.collect.v1.SpanLink.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 16: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.inlineName = value;
                                else
                                    delete message.inlineName;
                                continue;
                            }
                        case 17: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.inlineStatusMessage = value;
                                else
                                    delete message.inlineStatusMessage;
                                continue;
                            }
                        case 18: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.inlineTraceState = value;
                                else
                                    delete message.inlineTraceState;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Span;
            })();

            v1.Attribute = (function() {

                /**
                 * Properties of an Attribute.
                 * @typedef {Object} sonde.collect.v1.Attribute.$Properties
                 * @property {number|null} [key] Attribute key
                 * @property {string|null} [inlineKey] Attribute inlineKey
                 * @property {number|null} [stringRef] Attribute stringRef
                 * @property {string|null} [stringValue] Attribute stringValue
                 * @property {number|null} [intValue] Attribute intValue
                 * @property {number|null} [doubleValue] Attribute doubleValue
                 * @property {boolean|null} [boolValue] Attribute boolValue
                 * @property {string|null} [jsonValue] Attribute jsonValue
                 * @property {"stringRef"|"stringValue"|"intValue"|"doubleValue"|"boolValue"|"jsonValue"} [value] Attribute value
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Attribute.
                 * @memberof sonde.collect.v1
                 * @interface IAttribute
                 * @augments sonde.collect.v1.Attribute.$Properties
                 * @deprecated Use sonde.collect.v1.Attribute.$Properties instead.
                 */

                /**
                 * Narrowed shape of an Attribute.
                 * @typedef {{
                 *   key?: number|null;
                 *   inlineKey?: string|null;
                 *   stringRef?: number|null;
                 *   stringValue?: string|null;
                 *   intValue?: number|null;
                 *   doubleValue?: number|null;
                 *   boolValue?: boolean|null;
                 *   jsonValue?: string|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ value?: undefined; stringRef?: null; stringValue?: null; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "stringRef"; stringRef: number; stringValue?: null; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "stringValue"; stringRef?: null; stringValue: string; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "intValue"; stringRef?: null; stringValue?: null; intValue: number; doubleValue?: null; boolValue?: null; jsonValue?: null }|{ value?: "doubleValue"; stringRef?: null; stringValue?: null; intValue?: null; doubleValue: number; boolValue?: null; jsonValue?: null }|{ value?: "boolValue"; stringRef?: null; stringValue?: null; intValue?: null; doubleValue?: null; boolValue: boolean; jsonValue?: null }|{ value?: "jsonValue"; stringRef?: null; stringValue?: null; intValue?: null; doubleValue?: null; boolValue?: null; jsonValue: string })
                 * )} sonde.collect.v1.Attribute.$Shape
                 */

                /**
                 * Constructs a new Attribute.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents an Attribute.
                 * @constructor
                 * @param {sonde.collect.v1.Attribute.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Attribute = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Attribute key.
                 * @member {number} key
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.key = 0;

                /**
                 * Attribute inlineKey.
                 * @member {string} inlineKey
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.inlineKey = "";

                /**
                 * Attribute stringRef.
                 * @member {number|null|undefined} stringRef
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.stringRef = null;

                /**
                 * Attribute stringValue.
                 * @member {string|null|undefined} stringValue
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.stringValue = null;

                /**
                 * Attribute intValue.
                 * @member {number|null|undefined} intValue
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.intValue = null;

                /**
                 * Attribute doubleValue.
                 * @member {number|null|undefined} doubleValue
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.doubleValue = null;

                /**
                 * Attribute boolValue.
                 * @member {boolean|null|undefined} boolValue
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.boolValue = null;

                /**
                 * Attribute jsonValue.
                 * @member {string|null|undefined} jsonValue
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                Attribute.prototype.jsonValue = null;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                /**
                 * Attribute value.
                 * @member {"stringRef"|"stringValue"|"intValue"|"doubleValue"|"boolValue"|"jsonValue"|undefined} value
                 * @memberof sonde.collect.v1.Attribute
                 * @instance
                 */
                $Object.defineProperty(Attribute.prototype, "value", {
                    get: $util.oneOfGetter($oneOfFields = ["stringRef", "stringValue", "intValue", "doubleValue", "boolValue", "jsonValue"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Attribute instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Attribute
                 * @static
                 * @param {sonde.collect.v1.Attribute.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Attribute} Attribute instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Attribute.$Shape): sonde.collect.v1.Attribute & sonde.collect.v1.Attribute.$Shape;
                 *   (properties?: sonde.collect.v1.Attribute.$Properties): sonde.collect.v1.Attribute;
                 * }}
                 */
                Attribute.create = function(properties) {
                    return new Attribute(properties);
                };

                /**
                 * Encodes the specified Attribute message. Does not implicitly {@link sonde.collect.v1.Attribute.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Attribute
                 * @static
                 * @param {sonde.collect.v1.Attribute.$Properties} message Attribute message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Attribute.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.key != null && $Object.hasOwnProperty.call(message, "key") && message.key !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.key);
                    if (message.stringRef != null && $Object.hasOwnProperty.call(message, "stringRef"))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.stringRef);
                    if (message.stringValue != null && $Object.hasOwnProperty.call(message, "stringValue"))
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.stringValue);
                    if (message.intValue != null && $Object.hasOwnProperty.call(message, "intValue"))
                        writer.uint32(/* id 4, wireType 0 =*/32).sint64(message.intValue);
                    if (message.doubleValue != null && $Object.hasOwnProperty.call(message, "doubleValue"))
                        writer.uint32(/* id 5, wireType 1 =*/41).double(message.doubleValue);
                    if (message.boolValue != null && $Object.hasOwnProperty.call(message, "boolValue"))
                        writer.uint32(/* id 6, wireType 0 =*/48).bool(message.boolValue);
                    if (message.jsonValue != null && $Object.hasOwnProperty.call(message, "jsonValue"))
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.jsonValue);
                    if (message.inlineKey != null && $Object.hasOwnProperty.call(message, "inlineKey") && message.inlineKey !== "")
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.inlineKey);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Attribute message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Attribute
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Attribute & sonde.collect.v1.Attribute.$Shape} Attribute
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Attribute.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Attribute();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.key = value;
                                else
                                    delete message.key;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.inlineKey = value;
                                else
                                    delete message.inlineKey;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                message.stringRef = reader.uint32();
                                message.value = "stringRef";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.stringValue = reader.stringVerify();
                                message.value = "stringValue";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                message.intValue = reader.sint64();
                                message.value = "intValue";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 1)
                                    break;
                                message.doubleValue = reader.double();
                                message.value = "doubleValue";
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                message.boolValue = reader.bool();
                                message.value = "boolValue";
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                message.jsonValue = reader.stringVerify();
                                message.value = "jsonValue";
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Attribute;
            })();

            v1.SpanEvent = (function() {

                /**
                 * Properties of a SpanEvent.
                 * @typedef {Object} sonde.collect.v1.SpanEvent.$Properties
                 * @property {number|null} [name] SpanEvent name
                 * @property {number|null} [timeOffsetNs] SpanEvent timeOffsetNs
                 * @property {Array.<sonde.collect.v1.Attribute.$Properties>|null} [attributes] SpanEvent attributes
                 * @property {string|null} [inlineName] SpanEvent inlineName
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SpanEvent.
                 * @memberof sonde.collect.v1
                 * @interface ISpanEvent
                 * @augments sonde.collect.v1.SpanEvent.$Properties
                 * @deprecated Use sonde.collect.v1.SpanEvent.$Properties instead.
                 */

                /**
                 * Shape of a SpanEvent.
                 * @typedef {{
                 *   name?: number|null;
                 *   timeOffsetNs?: number|null;
                 *   attributes?: Array.<sonde.collect.v1.Attribute.$Shape>|null;
                 *   inlineName?: string|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.SpanEvent.$Shape
                 */

                /**
                 * Constructs a new SpanEvent.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a SpanEvent.
                 * @constructor
                 * @param {sonde.collect.v1.SpanEvent.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var SpanEvent = function (properties) {
                    this.attributes = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SpanEvent name.
                 * @member {number} name
                 * @memberof sonde.collect.v1.SpanEvent
                 * @instance
                 */
                SpanEvent.prototype.name = 0;

                /**
                 * SpanEvent timeOffsetNs.
                 * @member {number} timeOffsetNs
                 * @memberof sonde.collect.v1.SpanEvent
                 * @instance
                 */
                SpanEvent.prototype.timeOffsetNs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * SpanEvent attributes.
                 * @member {Array.<sonde.collect.v1.Attribute.$Properties>} attributes
                 * @memberof sonde.collect.v1.SpanEvent
                 * @instance
                 */
                SpanEvent.prototype.attributes = $util.emptyArray;

                /**
                 * SpanEvent inlineName.
                 * @member {string} inlineName
                 * @memberof sonde.collect.v1.SpanEvent
                 * @instance
                 */
                SpanEvent.prototype.inlineName = "";

                /**
                 * Creates a new SpanEvent instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.SpanEvent
                 * @static
                 * @param {sonde.collect.v1.SpanEvent.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.SpanEvent} SpanEvent instance
                 * @type {{
                 *   (properties: sonde.collect.v1.SpanEvent.$Shape): sonde.collect.v1.SpanEvent & sonde.collect.v1.SpanEvent.$Shape;
                 *   (properties?: sonde.collect.v1.SpanEvent.$Properties): sonde.collect.v1.SpanEvent;
                 * }}
                 */
                SpanEvent.create = function(properties) {
                    return new SpanEvent(properties);
                };

                /**
                 * Encodes the specified SpanEvent message. Does not implicitly {@link sonde.collect.v1.SpanEvent.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.SpanEvent
                 * @static
                 * @param {sonde.collect.v1.SpanEvent.$Properties} message SpanEvent message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SpanEvent.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.name);
                    if (message.timeOffsetNs != null && $Object.hasOwnProperty.call(message, "timeOffsetNs") && (typeof message.timeOffsetNs === "object" ? message.timeOffsetNs.low || message.timeOffsetNs.high : message.timeOffsetNs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).sint64(message.timeOffsetNs);
                    if (message.attributes != null && message.attributes.length)
                        for (var i = 0; i < message.attributes.length; ++i)
                            $root.sonde.collect.v1.Attribute.encode(message.attributes[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.inlineName != null && $Object.hasOwnProperty.call(message, "inlineName") && message.inlineName !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.inlineName);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SpanEvent message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.SpanEvent
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SpanEvent & sonde.collect.v1.SpanEvent.$Shape} SpanEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SpanEvent.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.SpanEvent();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.name = value;
                                else
                                    delete message.name;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.timeOffsetNs = value;
                                else
                                    delete message.timeOffsetNs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.attributes && message.attributes.length))
                                    message.attributes = [];
                                message.attributes.push($root.sonde.collect.v1.Attribute.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.inlineName = value;
                                else
                                    delete message.inlineName;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return SpanEvent;
            })();

            v1.SpanLink = (function() {

                /**
                 * Properties of a SpanLink.
                 * @typedef {Object} sonde.collect.v1.SpanLink.$Properties
                 * @property {Uint8Array|null} [traceId] SpanLink traceId
                 * @property {Uint8Array|null} [spanId] SpanLink spanId
                 * @property {Array.<sonde.collect.v1.Attribute.$Properties>|null} [attributes] SpanLink attributes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SpanLink.
                 * @memberof sonde.collect.v1
                 * @interface ISpanLink
                 * @augments sonde.collect.v1.SpanLink.$Properties
                 * @deprecated Use sonde.collect.v1.SpanLink.$Properties instead.
                 */

                /**
                 * Shape of a SpanLink.
                 * @typedef {{
                 *   traceId?: Uint8Array|null;
                 *   spanId?: Uint8Array|null;
                 *   attributes?: Array.<sonde.collect.v1.Attribute.$Shape>|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.SpanLink.$Shape
                 */

                /**
                 * Constructs a new SpanLink.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a SpanLink.
                 * @constructor
                 * @param {sonde.collect.v1.SpanLink.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var SpanLink = function (properties) {
                    this.attributes = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SpanLink traceId.
                 * @member {Uint8Array} traceId
                 * @memberof sonde.collect.v1.SpanLink
                 * @instance
                 */
                SpanLink.prototype.traceId = $util.newBuffer([]);

                /**
                 * SpanLink spanId.
                 * @member {Uint8Array} spanId
                 * @memberof sonde.collect.v1.SpanLink
                 * @instance
                 */
                SpanLink.prototype.spanId = $util.newBuffer([]);

                /**
                 * SpanLink attributes.
                 * @member {Array.<sonde.collect.v1.Attribute.$Properties>} attributes
                 * @memberof sonde.collect.v1.SpanLink
                 * @instance
                 */
                SpanLink.prototype.attributes = $util.emptyArray;

                /**
                 * Creates a new SpanLink instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.SpanLink
                 * @static
                 * @param {sonde.collect.v1.SpanLink.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.SpanLink} SpanLink instance
                 * @type {{
                 *   (properties: sonde.collect.v1.SpanLink.$Shape): sonde.collect.v1.SpanLink & sonde.collect.v1.SpanLink.$Shape;
                 *   (properties?: sonde.collect.v1.SpanLink.$Properties): sonde.collect.v1.SpanLink;
                 * }}
                 */
                SpanLink.create = function(properties) {
                    return new SpanLink(properties);
                };

                /**
                 * Encodes the specified SpanLink message. Does not implicitly {@link sonde.collect.v1.SpanLink.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.SpanLink
                 * @static
                 * @param {sonde.collect.v1.SpanLink.$Properties} message SpanLink message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SpanLink.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.traceId != null && $Object.hasOwnProperty.call(message, "traceId") && message.traceId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.traceId);
                    if (message.spanId != null && $Object.hasOwnProperty.call(message, "spanId") && message.spanId.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.spanId);
                    if (message.attributes != null && message.attributes.length)
                        for (var i = 0; i < message.attributes.length; ++i)
                            $root.sonde.collect.v1.Attribute.encode(message.attributes[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SpanLink message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.SpanLink
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SpanLink & sonde.collect.v1.SpanLink.$Shape} SpanLink
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SpanLink.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.SpanLink();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.traceId = value;
                                else
                                    delete message.traceId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.spanId = value;
                                else
                                    delete message.spanId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.attributes && message.attributes.length))
                                    message.attributes = [];
                                message.attributes.push($root.sonde.collect.v1.Attribute.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return SpanLink;
            })();

            v1.Policy = (function() {

                /**
                 * Properties of a Policy.
                 * @typedef {Object} sonde.collect.v1.Policy.$Properties
                 * @property {number|null} [version] Policy version
                 * @property {Array.<sonde.collect.v1.MetricRule.$Properties>|null} [metrics] Policy metrics
                 * @property {sonde.collect.v1.SignalRule.$Properties|null} [spans] Policy spans
                 * @property {sonde.collect.v1.SignalRule.$Properties|null} [events] Policy events
                 * @property {sonde.collect.v1.SignalRule.$Properties|null} [logs] Policy logs
                 * @property {number|null} [durableSeq] Policy durableSeq
                 * @property {number|null} [maxBatchBytes] Policy maxBatchBytes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Policy.
                 * @memberof sonde.collect.v1
                 * @interface IPolicy
                 * @augments sonde.collect.v1.Policy.$Properties
                 * @deprecated Use sonde.collect.v1.Policy.$Properties instead.
                 */

                /**
                 * Shape of a Policy.
                 * @typedef {{
                 *   version?: number|null;
                 *   metrics?: Array.<sonde.collect.v1.MetricRule.$Shape>|null;
                 *   spans?: sonde.collect.v1.SignalRule.$Shape|null;
                 *   events?: sonde.collect.v1.SignalRule.$Shape|null;
                 *   logs?: sonde.collect.v1.SignalRule.$Shape|null;
                 *   durableSeq?: number|null;
                 *   maxBatchBytes?: number|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * }} sonde.collect.v1.Policy.$Shape
                 */

                /**
                 * Constructs a new Policy.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a Policy.
                 * @constructor
                 * @param {sonde.collect.v1.Policy.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Policy = function (properties) {
                    this.metrics = [];
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Policy version.
                 * @member {number} version
                 * @memberof sonde.collect.v1.Policy
                 * @instance
                 */
                Policy.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Policy metrics.
                 * @member {Array.<sonde.collect.v1.MetricRule.$Properties>} metrics
                 * @memberof sonde.collect.v1.Policy
                 * @instance
                 */
                Policy.prototype.metrics = $util.emptyArray;

                /**
                 * Policy spans.
                 * @member {sonde.collect.v1.SignalRule.$Properties|null|undefined} spans
                 * @memberof sonde.collect.v1.Policy
                 * @instance
                 */
                Policy.prototype.spans = null;

                /**
                 * Policy events.
                 * @member {sonde.collect.v1.SignalRule.$Properties|null|undefined} events
                 * @memberof sonde.collect.v1.Policy
                 * @instance
                 */
                Policy.prototype.events = null;

                /**
                 * Policy logs.
                 * @member {sonde.collect.v1.SignalRule.$Properties|null|undefined} logs
                 * @memberof sonde.collect.v1.Policy
                 * @instance
                 */
                Policy.prototype.logs = null;

                /**
                 * Policy durableSeq.
                 * @member {number} durableSeq
                 * @memberof sonde.collect.v1.Policy
                 * @instance
                 */
                Policy.prototype.durableSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Policy maxBatchBytes.
                 * @member {number} maxBatchBytes
                 * @memberof sonde.collect.v1.Policy
                 * @instance
                 */
                Policy.prototype.maxBatchBytes = 0;

                /**
                 * Creates a new Policy instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Policy
                 * @static
                 * @param {sonde.collect.v1.Policy.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Policy} Policy instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Policy.$Shape): sonde.collect.v1.Policy & sonde.collect.v1.Policy.$Shape;
                 *   (properties?: sonde.collect.v1.Policy.$Properties): sonde.collect.v1.Policy;
                 * }}
                 */
                Policy.create = function(properties) {
                    return new Policy(properties);
                };

                /**
                 * Encodes the specified Policy message. Does not implicitly {@link sonde.collect.v1.Policy.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Policy
                 * @static
                 * @param {sonde.collect.v1.Policy.$Properties} message Policy message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Policy.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.version);
                    if (message.metrics != null && message.metrics.length)
                        for (var i = 0; i < message.metrics.length; ++i)
                            $root.sonde.collect.v1.MetricRule.encode(message.metrics[i], writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.spans != null && $Object.hasOwnProperty.call(message, "spans"))
                        $root.sonde.collect.v1.SignalRule.encode(message.spans, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.events != null && $Object.hasOwnProperty.call(message, "events"))
                        $root.sonde.collect.v1.SignalRule.encode(message.events, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.logs != null && $Object.hasOwnProperty.call(message, "logs"))
                        $root.sonde.collect.v1.SignalRule.encode(message.logs, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                    if (message.durableSeq != null && $Object.hasOwnProperty.call(message, "durableSeq") && (typeof message.durableSeq === "object" ? message.durableSeq.low || message.durableSeq.high : message.durableSeq !== 0))
                        writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.durableSeq);
                    if (message.maxBatchBytes != null && $Object.hasOwnProperty.call(message, "maxBatchBytes") && message.maxBatchBytes !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.maxBatchBytes);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Policy message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Policy
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Policy & sonde.collect.v1.Policy.$Shape} Policy
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Policy.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Policy();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.version = value;
                                else
                                    delete message.version;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.metrics && message.metrics.length))
                                    message.metrics = [];
                                message.metrics.push($root.sonde.collect.v1.MetricRule.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.spans = $root.sonde.collect.v1.SignalRule.decode(reader, reader.size(), $undefined, _depth + 1, message.spans);
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.events = $root.sonde.collect.v1.SignalRule.decode(reader, reader.size(), $undefined, _depth + 1, message.events);
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.logs = $root.sonde.collect.v1.SignalRule.decode(reader, reader.size(), $undefined, _depth + 1, message.logs);
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.durableSeq = value;
                                else
                                    delete message.durableSeq;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.maxBatchBytes = value;
                                else
                                    delete message.maxBatchBytes;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Policy;
            })();

            v1.MetricRule = (function() {

                /**
                 * Properties of a MetricRule.
                 * @typedef {Object} sonde.collect.v1.MetricRule.$Properties
                 * @property {string|null} [name] MetricRule name
                 * @property {string|null} [prefix] MetricRule prefix
                 * @property {number|null} [intervalMs] MetricRule intervalMs
                 * @property {"name"|"prefix"} [match] MetricRule match
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a MetricRule.
                 * @memberof sonde.collect.v1
                 * @interface IMetricRule
                 * @augments sonde.collect.v1.MetricRule.$Properties
                 * @deprecated Use sonde.collect.v1.MetricRule.$Properties instead.
                 */

                /**
                 * Narrowed shape of a MetricRule.
                 * @typedef {{
                 *   name?: string|null;
                 *   prefix?: string|null;
                 *   intervalMs?: number|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ match?: undefined; name?: null; prefix?: null }|{ match?: "name"; name: string; prefix?: null }|{ match?: "prefix"; name?: null; prefix: string })
                 * )} sonde.collect.v1.MetricRule.$Shape
                 */

                /**
                 * Constructs a new MetricRule.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a MetricRule.
                 * @constructor
                 * @param {sonde.collect.v1.MetricRule.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var MetricRule = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * MetricRule name.
                 * @member {string|null|undefined} name
                 * @memberof sonde.collect.v1.MetricRule
                 * @instance
                 */
                MetricRule.prototype.name = null;

                /**
                 * MetricRule prefix.
                 * @member {string|null|undefined} prefix
                 * @memberof sonde.collect.v1.MetricRule
                 * @instance
                 */
                MetricRule.prototype.prefix = null;

                /**
                 * MetricRule intervalMs.
                 * @member {number} intervalMs
                 * @memberof sonde.collect.v1.MetricRule
                 * @instance
                 */
                MetricRule.prototype.intervalMs = 0;

                // OneOf field names bound to virtual getters and setters
                var $oneOfFields;

                /**
                 * MetricRule match.
                 * @member {"name"|"prefix"|undefined} match
                 * @memberof sonde.collect.v1.MetricRule
                 * @instance
                 */
                $Object.defineProperty(MetricRule.prototype, "match", {
                    get: $util.oneOfGetter($oneOfFields = ["name", "prefix"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new MetricRule instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.MetricRule
                 * @static
                 * @param {sonde.collect.v1.MetricRule.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.MetricRule} MetricRule instance
                 * @type {{
                 *   (properties: sonde.collect.v1.MetricRule.$Shape): sonde.collect.v1.MetricRule & sonde.collect.v1.MetricRule.$Shape;
                 *   (properties?: sonde.collect.v1.MetricRule.$Properties): sonde.collect.v1.MetricRule;
                 * }}
                 */
                MetricRule.create = function(properties) {
                    return new MetricRule(properties);
                };

                /**
                 * Encodes the specified MetricRule message. Does not implicitly {@link sonde.collect.v1.MetricRule.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.MetricRule
                 * @static
                 * @param {sonde.collect.v1.MetricRule.$Properties} message MetricRule message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                MetricRule.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                    if (message.prefix != null && $Object.hasOwnProperty.call(message, "prefix"))
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.prefix);
                    if (message.intervalMs != null && $Object.hasOwnProperty.call(message, "intervalMs") && message.intervalMs !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.intervalMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a MetricRule message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.MetricRule
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.MetricRule & sonde.collect.v1.MetricRule.$Shape} MetricRule
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                MetricRule.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.MetricRule();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                message.name = reader.stringVerify();
                                message.match = "name";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.prefix = reader.stringVerify();
                                message.match = "prefix";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.intervalMs = value;
                                else
                                    delete message.intervalMs;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return MetricRule;
            })();

            v1.SignalRule = (function() {

                /**
                 * Properties of a SignalRule.
                 * @typedef {Object} sonde.collect.v1.SignalRule.$Properties
                 * @property {boolean|null} [enabled] SignalRule enabled
                 * @property {number|null} [sampling] SignalRule sampling
                 * @property {number|null} [intervalMs] SignalRule intervalMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SignalRule.
                 * @memberof sonde.collect.v1
                 * @interface ISignalRule
                 * @augments sonde.collect.v1.SignalRule.$Properties
                 * @deprecated Use sonde.collect.v1.SignalRule.$Properties instead.
                 */

                /**
                 * Shape of a SignalRule.
                 * @typedef {sonde.collect.v1.SignalRule.$Properties} sonde.collect.v1.SignalRule.$Shape
                 */

                /**
                 * Constructs a new SignalRule.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a SignalRule.
                 * @constructor
                 * @param {sonde.collect.v1.SignalRule.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var SignalRule = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SignalRule enabled.
                 * @member {boolean} enabled
                 * @memberof sonde.collect.v1.SignalRule
                 * @instance
                 */
                SignalRule.prototype.enabled = false;

                /**
                 * SignalRule sampling.
                 * @member {number} sampling
                 * @memberof sonde.collect.v1.SignalRule
                 * @instance
                 */
                SignalRule.prototype.sampling = 0;

                /**
                 * SignalRule intervalMs.
                 * @member {number} intervalMs
                 * @memberof sonde.collect.v1.SignalRule
                 * @instance
                 */
                SignalRule.prototype.intervalMs = 0;

                /**
                 * Creates a new SignalRule instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.SignalRule
                 * @static
                 * @param {sonde.collect.v1.SignalRule.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.SignalRule} SignalRule instance
                 * @type {{
                 *   (properties: sonde.collect.v1.SignalRule.$Shape): sonde.collect.v1.SignalRule & sonde.collect.v1.SignalRule.$Shape;
                 *   (properties?: sonde.collect.v1.SignalRule.$Properties): sonde.collect.v1.SignalRule;
                 * }}
                 */
                SignalRule.create = function(properties) {
                    return new SignalRule(properties);
                };

                /**
                 * Encodes the specified SignalRule message. Does not implicitly {@link sonde.collect.v1.SignalRule.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.SignalRule
                 * @static
                 * @param {sonde.collect.v1.SignalRule.$Properties} message SignalRule message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SignalRule.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.enabled != null && $Object.hasOwnProperty.call(message, "enabled") && message.enabled !== false)
                        writer.uint32(/* id 1, wireType 0 =*/8).bool(message.enabled);
                    if (message.sampling != null && $Object.hasOwnProperty.call(message, "sampling") && !$Object.is(message.sampling, 0))
                        writer.uint32(/* id 2, wireType 1 =*/17).double(message.sampling);
                    if (message.intervalMs != null && $Object.hasOwnProperty.call(message, "intervalMs") && message.intervalMs !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.intervalMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SignalRule message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.SignalRule
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.SignalRule & sonde.collect.v1.SignalRule.$Shape} SignalRule
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SignalRule.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.SignalRule();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.enabled = value;
                                else
                                    delete message.enabled;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.sampling = value;
                                else
                                    delete message.sampling;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.intervalMs = value;
                                else
                                    delete message.intervalMs;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return SignalRule;
            })();

            v1.Ack = (function() {

                /**
                 * Properties of an Ack.
                 * @typedef {Object} sonde.collect.v1.Ack.$Properties
                 * @property {number|null} [seq] Ack seq
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Ack.
                 * @memberof sonde.collect.v1
                 * @interface IAck
                 * @augments sonde.collect.v1.Ack.$Properties
                 * @deprecated Use sonde.collect.v1.Ack.$Properties instead.
                 */

                /**
                 * Shape of an Ack.
                 * @typedef {sonde.collect.v1.Ack.$Properties} sonde.collect.v1.Ack.$Shape
                 */

                /**
                 * Constructs a new Ack.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents an Ack.
                 * @constructor
                 * @param {sonde.collect.v1.Ack.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Ack = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Ack seq.
                 * @member {number} seq
                 * @memberof sonde.collect.v1.Ack
                 * @instance
                 */
                Ack.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Ack instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Ack
                 * @static
                 * @param {sonde.collect.v1.Ack.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Ack} Ack instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Ack.$Shape): sonde.collect.v1.Ack & sonde.collect.v1.Ack.$Shape;
                 *   (properties?: sonde.collect.v1.Ack.$Properties): sonde.collect.v1.Ack;
                 * }}
                 */
                Ack.create = function(properties) {
                    return new Ack(properties);
                };

                /**
                 * Encodes the specified Ack message. Does not implicitly {@link sonde.collect.v1.Ack.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Ack
                 * @static
                 * @param {sonde.collect.v1.Ack.$Properties} message Ack message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Ack.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.seq);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Ack message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Ack
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Ack & sonde.collect.v1.Ack.$Shape} Ack
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Ack.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Ack();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.seq = value;
                                else
                                    delete message.seq;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Ack;
            })();

            v1.Throttle = (function() {

                /**
                 * Properties of a Throttle.
                 * @typedef {Object} sonde.collect.v1.Throttle.$Properties
                 * @property {number|null} [minIntervalMs] Throttle minIntervalMs
                 * @property {number|null} [durationMs] Throttle durationMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Throttle.
                 * @memberof sonde.collect.v1
                 * @interface IThrottle
                 * @augments sonde.collect.v1.Throttle.$Properties
                 * @deprecated Use sonde.collect.v1.Throttle.$Properties instead.
                 */

                /**
                 * Shape of a Throttle.
                 * @typedef {sonde.collect.v1.Throttle.$Properties} sonde.collect.v1.Throttle.$Shape
                 */

                /**
                 * Constructs a new Throttle.
                 * @memberof sonde.collect.v1
                 * @classdesc Represents a Throttle.
                 * @constructor
                 * @param {sonde.collect.v1.Throttle.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                var Throttle = function (properties) {
                    if (properties)
                        for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Throttle minIntervalMs.
                 * @member {number} minIntervalMs
                 * @memberof sonde.collect.v1.Throttle
                 * @instance
                 */
                Throttle.prototype.minIntervalMs = 0;

                /**
                 * Throttle durationMs.
                 * @member {number} durationMs
                 * @memberof sonde.collect.v1.Throttle
                 * @instance
                 */
                Throttle.prototype.durationMs = 0;

                /**
                 * Creates a new Throttle instance using the specified properties.
                 * @function create
                 * @memberof sonde.collect.v1.Throttle
                 * @static
                 * @param {sonde.collect.v1.Throttle.$Properties=} [properties] Properties to set
                 * @returns {sonde.collect.v1.Throttle} Throttle instance
                 * @type {{
                 *   (properties: sonde.collect.v1.Throttle.$Shape): sonde.collect.v1.Throttle & sonde.collect.v1.Throttle.$Shape;
                 *   (properties?: sonde.collect.v1.Throttle.$Properties): sonde.collect.v1.Throttle;
                 * }}
                 */
                Throttle.create = function(properties) {
                    return new Throttle(properties);
                };

                /**
                 * Encodes the specified Throttle message. Does not implicitly {@link sonde.collect.v1.Throttle.verify|verify} messages.
                 * @function encode
                 * @memberof sonde.collect.v1.Throttle
                 * @static
                 * @param {sonde.collect.v1.Throttle.$Properties} message Throttle message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Throttle.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.minIntervalMs != null && $Object.hasOwnProperty.call(message, "minIntervalMs") && message.minIntervalMs !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.minIntervalMs);
                    if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.durationMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (var i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Throttle message from the specified reader or buffer.
                 * @function decode
                 * @memberof sonde.collect.v1.Throttle
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {sonde.collect.v1.Throttle & sonde.collect.v1.Throttle.$Shape} Throttle
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Throttle.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    var end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.sonde.collect.v1.Throttle();
                    while (reader.pos < end) {
                        var start = reader.pos;
                        var tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        var wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.minIntervalMs = value;
                                else
                                    delete message.minIntervalMs;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.durationMs = value;
                                else
                                    delete message.durationMs;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                return Throttle;
            })();

            return v1;
        })();

        return collect;
    })();

    return sonde;
})();

module.exports = $root;
