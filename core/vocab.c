#include "core/vocab.h"

#include <stddef.h>

static int vocab_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int vocab_equal(const char *a, const char *b)
{
	while (*a != '\0' && vocab_lower((unsigned char)*a) == vocab_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

static int vocab_index(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (vocab_equal(s, names[i]))
			return i;
	return -1;
}

int core_vocab_find(const char *const *keys, const char *const *labels, int n,
                    const char *s)
{
	if (s == NULL)
		return -1;
	int i = keys != NULL ? vocab_index(keys, n, s) : -1;
	if (i < 0 && labels != NULL)
		i = vocab_index(labels, n, s);
	return i;
}

const char *core_vocab_name(const char *const *names, int n, int i)
{
	return i >= 0 && i < n ? names[i] : "?";
}
