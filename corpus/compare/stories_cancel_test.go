package compare

import (
	"context"
	"errors"
	"testing"

	"github.com/parallax-reader/parallax/corpus/gen"
)

// A grouping whose context is done gives up with the context's error;
// otherwise GroupStoriesContext answers what GroupStories does.
func TestGroupStoriesContext(t *testing.T) {
	as := gen.Articles(600, 3)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if st, err := GroupStoriesContext(ctx, as, StoryOptions{}); !errors.Is(err, context.Canceled) || st != nil {
		t.Fatalf("cancelled grouping: %v, %v", st, err)
	}
	st, err := GroupStoriesContext(context.Background(), as, StoryOptions{})
	if err != nil || st == nil {
		t.Fatalf("grouping: %v", err)
	}
	want := GroupStories(as, StoryOptions{})
	if len(st.List) != len(want.List) || len(st.List) == 0 {
		t.Errorf("%d stories with a context, %d without", len(st.List), len(want.List))
	}
}
