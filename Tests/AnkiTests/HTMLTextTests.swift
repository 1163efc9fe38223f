import Testing

@testable import Anki

@Suite("Anki import: HTML to plain text")
struct HTMLTextTests {
    @Test(
        "line breaks from <br>, <div> and <p>; other tags dropped",
        arguments: [
            ("a<br>b", "a\nb"),
            ("a<br/>b<BR />c", "a\nb\nc"),
            ("<div>one</div><div>two</div>", "one\ntwo"),
            ("<p>para</p><p>next</p>", "para\nnext"),
            ("<b>bold</b> and <i>it</i><span style=\"x\">s</span>", "bold and its"),
            ("a<br><br><br><br>b", "a\n\nb"),
            ("<div><br></div>x", "x"),
            ("  spaced \n  out  ", "spaced out"),
            ("<script>alert(1)</script>safe<style>p{}</style>", "safe"),
            ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
            ("<a href='x>y'>link</a>", "link"),
        ])
    func tags(html: String, text: String) {
        #expect(HTMLText.plain(html).text == text)
    }

    @Test(
        "entities: named, &nbsp; and numeric",
        arguments: [
            ("&amp; &lt;b&gt; &quot;q&quot; &apos;", "& <b> \"q\" '"),
            ("a&nbsp;&nbsp;b", "a  b"),
            ("&#39;&#x41;&#8212;", "'A—"),
            ("&unknown; &", "&unknown; &"),
            ("&#0;x&#27;", "x"),  // decoded, then removed as control characters
        ])
    func entities(html: String, text: String) {
        #expect(HTMLText.plain(html).text == text)
    }

    @Test("images and sounds become markers, and their files are listed")
    func media() {
        let (text, media) = HTMLText.plain(
            "<img src=\"pic.png\"> then [sound:hello.mp3] and <img class=x src='a&amp;b.jpg'/> <img src=pic.png>")
        #expect(text == "(image: pic.png) then (sound: hello.mp3) and (image: a&b.jpg) (image: pic.png)")
        #expect(media == ["pic.png", "hello.mp3", "a&b.jpg"])
    }

    @Test("control characters are removed; no raw tag survives")
    func controls() {
        #expect(HTMLText.plain("a\u{1B}[31mred\u{7}\u{85}b\u{0}c\tx").text == "a[31mredbc x")
        #expect(!HTMLText.plain("<<b>script>x</b>").text.contains("<b>"))
    }
}
