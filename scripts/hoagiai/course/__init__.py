"""Course builder: a schedule from lesson minutes, a trainer pack and participants' handouts."""
