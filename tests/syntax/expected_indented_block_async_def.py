async def main():
# nothing yet
