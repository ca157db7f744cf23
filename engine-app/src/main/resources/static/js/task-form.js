/*
 * The task page's form: hides the fields whose Camunda Forms condition (conditional.hide) holds, as the person fills
 * the form, the way form-js does in Camunda's Tasklist. A hidden field is also disabled, so it is not submitted (the
 * server drops hidden fields anyway, by the same rules: web/FeelSubset.java). Without this script every field is
 * simply shown.
 *
 * The evaluator understands the FEEL the forms use:
 *   or / and / not(…) / = != < <= > >= / "strings" / numbers / true false null / names and this.name
 * with FEEL's null logic; a field is hidden only when its expression is exactly true.
 */
(function () {
  'use strict';

  // ---- FEEL subset (mirrors web/FeelSubset.java; TaskPagesIT holds the two against each other)

  var KEYWORDS = ['and', 'or', 'not', 'true', 'false', 'null'];
  var parsed = {};

  function unsupported(why) {
    return new Error('not in the FEEL subset of the workbench forms: ' + why);
  }

  function isDigit(c) { return c >= '0' && c <= '9'; }
  function isNameStart(c) { return /[A-Za-z_\u00C0-\uFFFF]/.test(c); }
  function isNamePart(c) { return /[A-Za-z0-9_\u00C0-\uFFFF]/.test(c); }

  function tokenize(text) {
    var tokens = [];
    var i = 0;
    while (i < text.length) {
      var c = text.charAt(i);
      var end;
      if (/\s/.test(c)) {
        i++;
      } else if (c === '"') {
        end = i + 1;
        while (end < text.length && text.charAt(end) !== '"') {
          end += text.charAt(end) === '\\' ? 2 : 1;
        }
        if (end >= text.length) { throw unsupported('unterminated string'); }
        tokens.push(text.substring(i, end + 1));
        i = end + 1;
      } else if (isDigit(c) || (c === '-' && i + 1 < text.length && isDigit(text.charAt(i + 1)) && startsOperand(tokens))) {
        end = i + 1;
        while (end < text.length && (isDigit(text.charAt(end)) || text.charAt(end) === '.')) { end++; }
        tokens.push(text.substring(i, end));
        i = end;
      } else if (isNameStart(c)) {
        end = i + 1;
        while (end < text.length && isNamePart(text.charAt(end))) { end++; }
        tokens.push(text.substring(i, end));
        i = end;
      } else if ((c === '!' || c === '<' || c === '>') && text.charAt(i + 1) === '=') {
        tokens.push(c + '=');
        i += 2;
      } else if ('=<>().'.indexOf(c) >= 0) {
        tokens.push(c);
        i++;
      } else {
        throw unsupported("unexpected character '" + c + "'");
      }
    }
    return tokens;
  }

  function startsOperand(tokens) {
    if (tokens.length === 0) { return true; }
    return ['=', '!=', '<', '<=', '>', '>=', '(', 'and', 'or'].indexOf(tokens[tokens.length - 1]) >= 0;
  }

  function isName(token) {
    return token !== undefined && token.length > 0 && isNameStart(token.charAt(0)) && KEYWORDS.indexOf(token) < 0;
  }

  function parse(text) {
    var tokens = tokenize(text);
    var next = 0;

    function accept(token) {
      if (tokens[next] === token) { next++; return true; }
      return false;
    }
    function expect(token) {
      if (!accept(token)) { throw unsupported("'" + token + "' expected"); }
    }
    function or() {
      var operands = [and()];
      while (accept('or')) { operands.push(and()); }
      return operands.length === 1 ? operands[0] : { logic: 'or', operands: operands };
    }
    function and() {
      var operands = [comparison()];
      while (accept('and')) { operands.push(comparison()); }
      return operands.length === 1 ? operands[0] : { logic: 'and', operands: operands };
    }
    function comparison() {
      var left = operand();
      var operators = ['=', '!=', '<=', '>=', '<', '>'];
      for (var i = 0; i < operators.length; i++) {
        if (accept(operators[i])) { return { compare: operators[i], left: left, right: operand() }; }
      }
      return left;
    }
    function operand() {
      if (next >= tokens.length) { throw unsupported('unexpected end'); }
      var token = tokens[next++];
      var inner;
      if (token === 'not') { expect('('); inner = or(); expect(')'); return { not: inner }; }
      if (token === '(') { inner = or(); expect(')'); return inner; }
      if (token === 'true') { return { literal: true }; }
      if (token === 'false') { return { literal: false }; }
      if (token === 'null') { return { literal: null }; }
      if (token.charAt(0) === '"') {
        return { literal: token.substring(1, token.length - 1).replace(/\\"/g, '"').replace(/\\\\/g, '\\') };
      }
      if (isDigit(token.charAt(0)) || token.charAt(0) === '-') { return { literal: Number(token) }; }
      if (!isName(token)) { throw unsupported("unexpected '" + token + "'"); }
      var names = [token];
      while (accept('.')) {
        var name = tokens[next++];
        if (!isName(name)) { throw unsupported("a name must follow '.'"); }
        names.push(name);
      }
      return { path: names };
    }

    var node = or();
    if (next !== tokens.length) { throw unsupported("unexpected '" + tokens[next] + "'"); }
    return node;
  }

  function kind(value) {
    if (value === null || value === undefined) { return 'null'; }
    return typeof value; // 'number', 'string', 'boolean', 'object'
  }

  function equal(a, b) {
    if (kind(a) === 'null' || kind(b) === 'null') { return kind(a) === kind(b); }
    if (kind(a) !== kind(b)) { return null; } // FEEL: values of different types are not comparable
    return a === b;
  }

  function order(a, b) {
    if ((kind(a) === 'number' && kind(b) === 'number') || (kind(a) === 'string' && kind(b) === 'string')) {
      return a < b ? -1 : (a > b ? 1 : 0);
    }
    return null;
  }

  function evaluateNode(node, context) {
    var i, value, unknown;
    if ('literal' in node) { return node.literal; }
    if (node.path) {
      value = context[node.path[0]];
      for (i = 1; i < node.path.length; i++) {
        value = value !== null && typeof value === 'object' ? value[node.path[i]] : null;
      }
      return value === undefined ? null : value;
    }
    if (node.not) {
      value = evaluateNode(node.not, context);
      return typeof value === 'boolean' ? !value : null;
    }
    if (node.logic) {
      var isAnd = node.logic === 'and';
      unknown = false;
      for (i = 0; i < node.operands.length; i++) {
        value = evaluateNode(node.operands[i], context);
        if (typeof value === 'boolean') {
          if (value !== isAnd) { return value; }
        } else {
          unknown = true;
        }
      }
      return unknown ? null : isAnd;
    }
    var a = evaluateNode(node.left, context);
    var b = evaluateNode(node.right, context);
    if (node.compare === '=' || node.compare === '!=') {
      var same = equal(a, b);
      return same === null ? null : (node.compare === '=') === same;
    }
    var o = order(a, b);
    if (o === null) { return null; }
    switch (node.compare) {
      case '<': return o < 0;
      case '<=': return o <= 0;
      case '>': return o > 0;
      default: return o >= 0;
    }
  }

  function evaluate(expression, context) {
    var body = expression.trim();
    if (body.charAt(0) === '=') { body = body.substring(1); }
    if (!(body in parsed)) { parsed[body] = parse(body); }
    return evaluateNode(parsed[body], context || {});
  }

  // for the browser test, which checks this evaluator against the server's
  window.zhaoshangFeel = { evaluate: evaluate };

  // ---- the form

  function typedValue(field) {
    var type = field.getAttribute('data-type');
    if (field.hasAttribute('data-readonly')) {
      var raw = field.getAttribute('data-value');
      if (raw === null || raw === '') { return type === 'checkbox' ? false : null; }
      if (type === 'checkbox') { return raw === 'true'; }
      if (type === 'number') { return isNaN(Number(raw)) ? null : Number(raw); }
      return raw;
    }
    var input;
    if (type === 'checkbox') {
      input = field.querySelector('input[type=checkbox]');
      return input ? input.checked : false;
    }
    if (type === 'radio') {
      input = field.querySelector('input[type=radio]:checked');
      return input ? input.value : null;
    }
    input = field.querySelector('input, select, textarea');
    if (!input || input.value.trim() === '') { return null; }
    if (type === 'number') {
      var number = Number(input.value.trim());
      return isNaN(number) ? null : number;
    }
    return input.value;
  }

  function valuesOf(fields) {
    var values = {};
    fields.forEach(function (field) { values[field.getAttribute('data-key')] = typedValue(field); });
    return values;
  }

  function ownFields(scope, form) {
    return Array.prototype.filter.call(scope.querySelectorAll('[data-key][data-type]'), function (field) {
      var row = field.parentElement.closest('[data-row]');
      return scope === form ? row === null : row === scope;
    });
  }

  function setHidden(field, hidden) {
    field.hidden = hidden;
    field.querySelectorAll('input, select, textarea').forEach(function (input) {
      if (hidden) {
        if (!input.disabled) { input.disabled = true; input.setAttribute('data-hidden-disabled', 'true'); }
      } else if (input.getAttribute('data-hidden-disabled')) {
        input.disabled = false;
        input.removeAttribute('data-hidden-disabled');
      }
    });
  }

  function apply(form) {
    var root = valuesOf(ownFields(form, form));
    ownFields(form, form).forEach(function (field) { hideByCondition(field, root); });
    form.querySelectorAll('[data-row]').forEach(function (row) {
      var context = Object.assign({}, root, { 'this': valuesOf(ownFields(row, form)) });
      ownFields(row, form).forEach(function (field) { hideByCondition(field, context); });
    });
  }

  function hideByCondition(field, context) {
    var condition = field.getAttribute('data-hide');
    if (!condition) { return; }
    var hidden = false;
    try {
      hidden = evaluate(condition, context) === true;
    } catch (e) {
      hidden = false; // shown rather than lost, as on the server
    }
    setHidden(field, hidden);
  }

  function init() {
    var form = document.querySelector('form.task-form');
    if (!form) { return; }
    apply(form);
    form.addEventListener('change', function () { apply(form); });
    form.addEventListener('input', function () { apply(form); });
    // Enter in a one-line field must not press the first button (同意) by accident
    form.addEventListener('keydown', function (event) {
      var target = event.target;
      if (event.key === 'Enter' && target.tagName === 'INPUT' && target.type !== 'submit' && target.type !== 'button') {
        event.preventDefault();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
