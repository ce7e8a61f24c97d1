package corpus

// ParseDocument parses one file's bytes into articles. name is the file's
// base name (its extension is a hint only: the content decides the format).
// Every returned article is sanitised and has at least one block.
func ParseDocument(name string, data []byte) ([]*Article, error) {
	a, err := ParseText(DecodeText(data))
	if err != nil {
		return nil, err
	}
	return []*Article{a}, nil
}
