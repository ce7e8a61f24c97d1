package ansi

import (
	"io"

	"github.com/muesli/reflow/indent"
)

// A CodeBlockElement is used to render code blocks.
type CodeBlockElement struct {
	Code     string
	Language string
}

// Render renders a CodeBlockElement.
//
// Parallax: upstream highlights code with chroma when the style has a
// theme; this copy always renders the code in the code block's style (what
// upstream does for a style without a theme). Linking chroma cost every
// command its package initialisation (every lexer and style registered
// before main), and Parallax never gives the renderer a code block: an
// article's text is escaped before it is rendered.
func (e *CodeBlockElement) Render(w io.Writer, ctx RenderContext) error {
	bs := ctx.blockStack

	var indentation uint
	var margin uint
	rules := ctx.options.Styles.CodeBlock
	if rules.Indent != nil {
		indentation = *rules.Indent
	}
	if rules.Margin != nil {
		margin = *rules.Margin
	}

	iw := indent.NewWriterPipe(w, indentation+margin, func(_ io.Writer) {
		renderText(w, ctx.options.ColorProfile, bs.Current().Style.StylePrimitive, " ")
	})

	el := &BaseElement{
		Token: e.Code,
		Style: rules.StylePrimitive,
	}

	return el.Render(iw, ctx)
}
