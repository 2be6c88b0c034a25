import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextModel, GLOSS_UI_ATTRIBUTE, markGlossUi, pointAtOffset } from '../../lib/anchoring';
import { offsetOfPoint } from '../../lib/anchoring/text-model';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('buildTextModel', () => {
  it('leaves out script, style, noscript, template, textarea and Gloss UI text', () => {
    document.body.innerHTML = `<p>one</p><script>var x = "script";</script><style>p{}</style>
      <noscript><p>enable js</p></noscript><template><p>template</p></template><textarea>typed</textarea>
      <div id="ui"><span>toolbar</span></div><p>two</p>`;
    markGlossUi(document.getElementById('ui') as HTMLElement);
    const text = buildTextModel(document.body).text;
    expect(text).toContain('one');
    expect(text).toContain('two');
    for (const hidden of ['script', 'p{}', 'enable js', 'template', 'typed', 'toolbar']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('separates blocks that the markup runs together, and only those', () => {
    document.body.innerHTML = '<p>end.</p><p>Next</p><ul><li>a</li><li>b</li></ul>x<br>y<em>z</em>';
    expect(buildTextModel(document.body).text).toBe('end.\nNext\na\nb\nx\nyz');
    document.body.innerHTML = '<p>end.</p>\n<p>Next</p>';
    expect(buildTextModel(document.body).text).toBe('end.\nNext');
  });

  it('records where each text node starts', () => {
    document.body.innerHTML = '<p>ab<em>cd</em></p><p>ef</p>';
    const model = buildTextModel(document.body);
    expect(model.text).toBe('abcd\nef');
    expect(model.nodes.map((n) => n.data)).toEqual(['ab', 'cd', 'ef']);
    expect(model.starts).toEqual([0, 2, 5]);
  });

  it('reads open shadow roots in place of the host, slotted content where its slot is', () => {
    document.body.innerHTML = '<p>before</p><div id="host"><span>light</span></div><p>after</p>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow <slot></slot> end</p>';
    expect(buildTextModel(document.body).text).toBe('before\nshadow light end\nafter');
  });

  it('leaves out Gloss UI inside a shadow root too', () => {
    document.body.innerHTML = '<p>before</p><div id="host"></div>';
    const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>inside</p><div id="ui">toolbar</div>';
    markGlossUi(root.getElementById('ui') as HTMLElement);
    expect(buildTextModel(document.body).text).toBe('before\ninside');
  });

  it('reads text a page marked with Gloss’s attribute: only Gloss’s own elements are left out', () => {
    document.body.innerHTML = `<article ${GLOSS_UI_ATTRIBUTE}><p>The page hides its article from Gloss.</p></article>`;
    expect(buildTextModel(document.body).text).toBe('The page hides its article from Gloss.');
  });

  it('reads same-origin frames in place of the frame', () => {
    document.body.innerHTML = '<p>before</p><iframe srcdoc="<p>inside the frame</p>"></iframe><p>after</p>';
    expect(buildTextModel(document.body).text).toBe('before\ninside the frame\nafter');
  });
});

describe('offsets and points', () => {
  it('turns text and element boundary points into offsets', () => {
    document.body.innerHTML = '<p id="a">ab<em>cd</em></p><p id="b">ef</p>';
    const model = buildTextModel(document.body);
    const em = document.querySelector('em') as HTMLElement;
    expect(offsetOfPoint(model, em.firstChild as Text, 1)).toBe(3);
    expect(offsetOfPoint(model, document.getElementById('a') as HTMLElement, 1)).toBe(2);
    expect(offsetOfPoint(model, document.getElementById('b') as HTMLElement, 0)).toBe(5);
    expect(offsetOfPoint(model, document.body, document.body.childNodes.length)).toBe(model.text.length);
  });

  it('resolves points inside shadow roots', () => {
    document.body.innerHTML = '<p>before</p><div id="host"></div>';
    const root = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    root.innerHTML = '<p>inside</p>';
    const model = buildTextModel(document.body);
    const p = root.querySelector('p') as HTMLElement;
    expect(offsetOfPoint(model, p, 0)).toBe(model.text.indexOf('inside'));
    expect(offsetOfPoint(model, p.firstChild as Text, 2)).toBe(model.text.indexOf('inside') + 2);
  });

  it('maps offsets back to points, keeping end points before a gap', () => {
    document.body.innerHTML = '<p>ab</p><p>cd</p>';
    const model = buildTextModel(document.body);
    expect(pointAtOffset(model, 3)).toMatchObject({ offset: 0 });
    expect(pointAtOffset(model, 3).node.data).toBe('cd');
    const end = pointAtOffset(model, 2, true);
    expect([end.node.data, end.offset]).toEqual(['ab', 2]);
  });
});
