package articletest

import (
	"reflect"

	"github.com/parallax-reader/parallax/corpus/article"
)

// Fields are an article's exported fields by name: what two articles that
// are the same must agree on. The unexported source of a text listed
// without it stays with an article after its text is loaded, so a whole
// Article of a list then loaded never equals one loaded with its text.
func Fields(a *article.Article) map[string]any {
	v := reflect.ValueOf(*a)
	out := map[string]any{}
	for i := range v.NumField() {
		if f := v.Type().Field(i); f.IsExported() {
			out[f.Name] = v.Field(i).Interface()
		}
	}
	return out
}
