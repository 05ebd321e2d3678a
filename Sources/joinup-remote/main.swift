import JoinupRemote
print("joinup-remote")
